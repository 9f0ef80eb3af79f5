import { code2Session, postJson, stableToken, useSandbox } from './testSupport';

const { sandbox } = useSandbox();

describe('msg_sec_check v2', () => {
  it('scripted keywords give risky/review with their label; other text passes', async () => {
    const { url, control } = sandbox();
    const token = await stableToken(url);
    const { code, openid } = await control.loginCode({ user: 'writer' });
    await code2Session(url, code);
    await control.setMsgSecRules([
      { keyword: '违禁', suggest: 'risky', label: 20006 },
      { keyword: '私聊', suggest: 'review', label: 10001, scene: 2 },
    ]);
    const check = (content: string, scene = 2): Promise<{ errcode?: number; result?: unknown }> =>
      postJson(url, '/wxa/msg_sec_check', { content, version: 2, scene, openid }, { access_token: token });
    expect((await check('生日快乐')).result).toEqual({ suggest: 'pass', label: 100 });
    expect((await check('这是违禁内容')).result).toEqual({ suggest: 'risky', label: 20006 });
    expect((await check('来私聊')).result).toEqual({ suggest: 'review', label: 10001 });
    expect((await check('来私聊', 1)).result).toEqual({ suggest: 'pass', label: 100 });
    expect((await check('x', 5)).errcode).toBe(40129);
    expect((await postJson(url, '/wxa/msg_sec_check', { content: 'x', version: 1, scene: 1, openid }, { access_token: token })).errcode).toBe(40129);
  });

  it('61010 unless the openid logged in within the last 2 hours', async () => {
    const { url, control } = sandbox();
    const token = await stableToken(url);
    const { code, openid } = await control.loginCode({ user: 'visitor' });
    const check = (): Promise<{ errcode?: number }> => postJson(url, '/wxa/msg_sec_check', { content: 'hi', version: 2, scene: 2, openid }, { access_token: token });
    expect((await check()).errcode).toBe(61010);
    await code2Session(url, code);
    expect((await check()).errcode).toBe(0);
    await control.advanceClock(2 * 3600 + 1);
    const fresh = await stableToken(url);
    expect((await postJson(url, '/wxa/msg_sec_check', { content: 'hi', version: 2, scene: 2, openid }, { access_token: fresh })).errcode).toBe(61010);
  });
});

describe('getuserriskrank', () => {
  it('scripted risk_rank per openid, 0 by default; scene 0/1 only', async () => {
    const { url, control } = sandbox();
    const token = await stableToken(url);
    const rank = async (openid: string, scene = 1): Promise<{ errcode?: number; risk_rank?: unknown }> =>
      postJson(url, '/wxa/getuserriskrank', { appid: 'wx0000000000000000', openid, scene, client_ip: '1.2.3.4' }, { access_token: token });
    const { openid } = await control.visit({ user: 'helper' });
    expect((await rank(openid)).risk_rank).toBe(0);
    await control.setRiskRank({ user: 'helper' }, 4);
    expect((await rank(openid)).risk_rank).toBe(4);
    expect((await rank(openid, 2)).errcode).toBe(40129);
    expect((await rank('o-stranger')).errcode).toBe(40003);
  });
});

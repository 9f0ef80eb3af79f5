import { startWechatSandbox } from './index';
import { APPID, code2Session, getJson, postJson, stableToken, useSandbox } from './testSupport';

const { sandbox } = useSandbox();

describe('code2session', () => {
  it('a code is single use: the first call gets the openid and a session_key, the second 40029 (or 40163)', async () => {
    const { url, control } = sandbox();
    const { code } = await control.loginCode({ user: 'demo' });
    const first = await code2Session(url, code);
    expect(first).toEqual({ openid: 'o-demo-cakeday-0001', session_key: expect.any(String) });
    expect((await code2Session(url, code)).errcode).toBe(40029);

    await control.setReusedCodeErrcode(40163);
    const second = await control.loginCode({ user: 'demo' });
    await code2Session(url, second.code);
    expect((await code2Session(url, second.code)).errcode).toBe(40163);
  });

  it('names are people: the same name always has the same openid; unionid appears once set', async () => {
    const { url, control } = sandbox();
    const alice = await control.loginCode({ user: 'alice' });
    await control.reset();
    expect((await control.loginCode({ user: 'alice' })).openid).toBe(alice.openid);
    expect(alice.openid).not.toBe((await control.loginCode({ user: 'bob' })).openid);
    await control.upsertUser({ user: 'alice' }, { unionid: 'u-alice' });
    const { code } = await control.loginCode({ user: 'alice' });
    expect(await code2Session(url, code)).toEqual({ openid: alice.openid, unionid: 'u-alice', session_key: expect.any(String) });
  });

  it('expires after 5 minutes; a wrong secret, unknown appid or unknown code fails', async () => {
    const { url, control } = sandbox();
    const stale = await control.loginCode({ user: 'demo' });
    const fresh = await control.loginCode({ user: 'demo' });
    expect((await code2Session(url, fresh.code, 'wrong-secret')).errcode).toBe(40029);
    expect((await getJson(url, '/sns/jscode2session', { appid: 'wx1111111111111111', secret: 'x', js_code: fresh.code, grant_type: 'authorization_code' })).errcode).toBe(40013);
    expect((await code2Session(url, 'never-issued')).errcode).toBe(40029);
    await control.advanceClock(301);
    expect((await code2Session(url, stale.code)).errcode).toBe(40029);
  });

  it('injected faults answer the next calls, then normal service resumes', async () => {
    const { url, control } = sandbox();
    await control.injectFault('jscode2session', 45011);
    await control.injectFault('jscode2session', 40226);
    await control.injectFault('jscode2session', -1);
    const { code } = await control.loginCode({ user: 'demo' });
    const errcodes = [];
    for (let attempt = 0; attempt < 3; attempt += 1) errcodes.push((await code2Session(url, code)).errcode);
    expect(errcodes).toEqual([45011, 40226, -1]);
    expect((await code2Session(url, code)).openid).toBe('o-demo-cakeday-0001');
  });
});

describe('getuserphonenumber', () => {
  it('single use, with the user phone and a watermark of the appid and the time; 5-minute TTL', async () => {
    const { url, control } = sandbox();
    const token = await stableToken(url);
    const code = await control.phoneCode({ user: 'demo' });
    const answer = await postJson(url, '/wxa/business/getuserphonenumber', { code }, { access_token: token });
    expect(answer.errcode).toBe(0);
    expect(answer.phone_info).toEqual({
      phoneNumber: '13800138000',
      purePhoneNumber: '13800138000',
      countryCode: '86',
      watermark: { appid: APPID, timestamp: expect.any(Number) },
    });
    expect(Math.abs((answer.phone_info as { watermark: { timestamp: number } }).watermark.timestamp - Date.now() / 1000)).toBeLessThan(60);
    expect((await postJson(url, '/wxa/business/getuserphonenumber', { code }, { access_token: token })).errcode).toBe(40029);

    const chosen = await control.phoneCode({ user: 'alice' }, '13912345678');
    await control.advanceClock(301);
    const fresh = await stableToken(url);
    expect((await postJson(url, '/wxa/business/getuserphonenumber', { code: chosen }, { access_token: fresh })).errcode).toBe(40029);
  });

  it('checks the access token: missing 41001, unknown 40014', async () => {
    const { url, control } = sandbox();
    const code = await control.phoneCode({ user: 'demo' });
    expect((await postJson(url, '/wxa/business/getuserphonenumber', { code })).errcode).toBe(41001);
    expect((await postJson(url, '/wxa/business/getuserphonenumber', { code }, { access_token: 'made-up' })).errcode).toBe(40014);
  });
});

describe('another mini-program (a production-mode BFF refuses the development appid)', () => {
  it('is known when the sandbox starts with it, and stays known after a reset', async () => {
    const other = { appid: 'wx5be4c4b3e4c4be00', secret: 'bench-secret-1' };
    const running = await startWechatSandbox({ apps: [other] });
    try {
      const login = async (): Promise<Record<string, unknown>> => {
        const { code } = await running.control.loginCode({ user: 'carol' }, other.appid);
        return getJson(running.url, '/sns/jscode2session', { appid: other.appid, secret: other.secret, js_code: code, grant_type: 'authorization_code' });
      };
      expect(await login()).toMatchObject({ openid: expect.any(String) });
      await running.control.reset();
      expect(await login()).toMatchObject({ openid: expect.any(String) });
      // A sandbox started without it does not know it.
      expect((await getJson(sandbox().url, '/sns/jscode2session', { appid: other.appid, secret: other.secret, js_code: 'x', grant_type: 'authorization_code' })).errcode).toBe(40013);
    } finally {
      await running.stop();
    }
  });
});

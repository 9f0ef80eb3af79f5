import { APPID, SECRET, getJson, postJson, stableToken, useSandbox } from './testSupport';

const { sandbox } = useSandbox();

const phoneCall = (url: string, token: string): Promise<{ errcode?: number }> => postJson(url, '/wxa/business/getuserphonenumber', { code: 'x' }, { access_token: token });

describe('stable_token', () => {
  it('the same token within its window; a new one in the last 5 minutes while the old one still works', async () => {
    const { url, control } = sandbox();
    const first = await postJson(url, '/cgi-bin/stable_token', { grant_type: 'client_credential', appid: APPID, secret: SECRET });
    expect(first).toEqual({ access_token: expect.any(String), expires_in: 7200 });
    expect(await stableToken(url)).toBe(first.access_token);

    await control.advanceClock(7200 - 299);
    const rotated = await postJson(url, '/cgi-bin/stable_token', { grant_type: 'client_credential', appid: APPID, secret: SECRET });
    expect(rotated.access_token).not.toBe(first.access_token);
    expect(rotated.expires_in).toBe(7200);
    expect((await phoneCall(url, String(first.access_token))).errcode).toBe(40029);

    await control.advanceClock(300);
    expect((await phoneCall(url, String(first.access_token))).errcode).toBe(42001);
    expect((await phoneCall(url, String(rotated.access_token))).errcode).toBe(40029);
  });

  it('force_refresh revokes the old token at once (40001), at most once per 30 s and 20 times a day', async () => {
    const { url, control } = sandbox();
    const old = await stableToken(url);
    const forced = await stableToken(url, true);
    expect(forced).not.toBe(old);
    expect((await phoneCall(url, old)).errcode).toBe(40001);
    expect(await stableToken(url, true)).toBe(forced);
    for (let refresh = 2; refresh <= 20; refresh += 1) {
      await control.advanceClock(31);
      expect(await stableToken(url, true)).not.toBe(forced);
    }
    await control.advanceClock(31);
    const refused = await postJson(url, '/cgi-bin/stable_token', { grant_type: 'client_credential', appid: APPID, secret: SECRET, force_refresh: true });
    expect(refused.errcode).toBe(45009);
  });

  it('expiring tokens from the control API gives 42001, and the next stable_token is a new token', async () => {
    const { url, control } = sandbox();
    const token = await stableToken(url);
    expect(await control.expireTokens()).toBe(1);
    expect((await phoneCall(url, token)).errcode).toBe(42001);
    const next = await stableToken(url);
    expect(next).not.toBe(token);
    expect((await phoneCall(url, next)).errcode).toBe(40029);
  });

  it('refuses a wrong appid (40013), secret (40125) or grant_type (40002)', async () => {
    const { url } = sandbox();
    const ask = (body: object): Promise<{ errcode?: number }> => postJson(url, '/cgi-bin/stable_token', { grant_type: 'client_credential', appid: APPID, secret: SECRET, ...body });
    expect((await ask({ appid: 'wx1111111111111111' })).errcode).toBe(40013);
    expect((await ask({ secret: 'nope' })).errcode).toBe(40125);
    expect((await ask({ grant_type: 'password' })).errcode).toBe(40002);
  });
});

describe('legacy /cgi-bin/token', () => {
  it('each call issues a new token; the previous one works for 5 more minutes, then 40001; isolated from stable tokens', async () => {
    const { url, control } = sandbox();
    const stable = await stableToken(url);
    const legacy = (): Promise<{ access_token?: unknown; expires_in?: unknown; errcode?: number }> =>
      getJson(url, '/cgi-bin/token', { grant_type: 'client_credential', appid: APPID, secret: SECRET });
    const first = await legacy();
    const second = await legacy();
    expect(second.expires_in).toBe(7200);
    expect(second.access_token).not.toBe(first.access_token);
    expect((await phoneCall(url, String(first.access_token))).errcode).toBe(40029);
    await control.advanceClock(301);
    expect((await phoneCall(url, String(first.access_token))).errcode).toBe(40001);
    expect((await phoneCall(url, String(second.access_token))).errcode).toBe(40029);
    expect((await phoneCall(url, stable)).errcode).toBe(40029);
  });

  it('an injected 40001 on a business endpoint answers once', async () => {
    const { url, control } = sandbox();
    const token = await stableToken(url);
    await control.injectFault('getuserphonenumber', 40001);
    expect((await phoneCall(url, token)).errcode).toBe(40001);
    expect((await phoneCall(url, token)).errcode).toBe(40029);
    expect((await control.calls()).getuserphonenumber).toBe(2);
  });
});

import { useTestDatabase } from '../test/database';
import { useWechatSandbox } from '../test/wechatSandbox';
import { createAccessTokenProvider } from './accessToken';
import { createWechatClients } from './clients';
import { WechatAccessTokenModel } from './WechatAccessToken.model';
import { createWechatHttp } from './wechatHttp';
import type { WechatApiError } from './wechatError';

useTestDatabase();
const sandbox = useWechatSandbox();

const APPID = 'wx0000000000000000';

beforeEach(async () => {
  await sandbox.control().reset();
  await WechatAccessTokenModel.deleteMany({});
});

const provider = () => createAccessTokenProvider({ http: createWechatHttp(sandbox.url()), appid: APPID, secret: 'dev-secret' });
const phoneOf = (name: string) => sandbox.control().phoneCode({ user: name });

describe('access token provider', () => {
  it('fetches a stable token once and reuses it from MongoDB across calls and instances', async () => {
    const clients = createWechatClients(sandbox.config());
    await clients.phone.getPhoneNumber(await phoneOf('demo'));
    await createWechatClients(sandbox.config()).phone.getPhoneNumber(await phoneOf('demo'));
    expect((await sandbox.control().calls()).stable_token).toBe(1);
    const cached = await WechatAccessTokenModel.findById(APPID).lean();
    expect(cached?.token).toEqual(expect.any(String));
    expect(cached?.refreshAfter?.getTime()).toBeLessThan(cached?.expiresAt?.getTime() ?? 0);
  });

  it('two instances asking at once share one fetch under the lease', async () => {
    const [first, second] = [provider(), provider()];
    const tokens = await Promise.all([first.get(), second.get(), first.get(), second.get()]);
    expect(new Set(tokens).size).toBe(1);
    expect((await sandbox.control().calls()).stable_token).toBe(1);
    expect(await WechatAccessTokenModel.findById(APPID).lean()).toMatchObject({ token: tokens[0], leaseOwner: null, leaseUntil: null });
  });

  it('an expired token (42001) is absorbed by one refresh and one retry', async () => {
    const phone = createWechatClients(sandbox.config()).phone;
    await phone.getPhoneNumber(await phoneOf('demo'));
    const before = (await WechatAccessTokenModel.findById(APPID).lean())?.token;
    await sandbox.control().expireTokens();
    expect(await phone.getPhoneNumber(await phoneOf('demo'))).toMatchObject({ purePhoneNumber: '13800138000' });
    const calls = await sandbox.control().calls();
    expect([calls.stable_token, calls.getuserphonenumber]).toEqual([2, 3]);
    expect((await WechatAccessTokenModel.findById(APPID).lean())?.token).not.toBe(before);
  });

  it('a forced 40001 is absorbed by one token refresh and one retry', async () => {
    const phone = createWechatClients(sandbox.config()).phone;
    await phone.getPhoneNumber(await phoneOf('demo'));
    await sandbox.control().injectFault('getuserphonenumber', 40001);
    expect(await phone.getPhoneNumber(await phoneOf('demo'))).toMatchObject({ purePhoneNumber: '13800138000' });
    const calls = await sandbox.control().calls();
    expect([calls.stable_token, calls.getuserphonenumber]).toEqual([2, 3]);
  });

  it('a token rejected twice: 503 WECHAT_UNAVAILABLE, one force refresh (not again within 30 s), later calls work', async () => {
    const phone = createWechatClients(sandbox.config()).phone;
    await phone.getPhoneNumber(await phoneOf('demo'));
    const stale = (await WechatAccessTokenModel.findById(APPID).lean())?.token;
    await sandbox.control().injectFault('getuserphonenumber', 40001, 2);
    const failure = (await phone.getPhoneNumber(await phoneOf('demo')).catch((error: unknown) => error)) as WechatApiError;
    expect([failure.status, failure.code, failure.retryable, failure.errcode]).toEqual([503, 'WECHAT_UNAVAILABLE', true, 40001]);
    const forced = await WechatAccessTokenModel.findById(APPID).lean();
    expect(forced).toMatchObject({ forceCount: 1 });
    expect(forced?.token).not.toBe(stale);
    await sandbox.control().injectFault('getuserphonenumber', 40001, 2);
    await expect(phone.getPhoneNumber(await phoneOf('demo'))).rejects.toMatchObject({ code: 'WECHAT_UNAVAILABLE' });
    expect((await WechatAccessTokenModel.findById(APPID).lean())?.forceCount).toBe(1);
    expect(await phone.getPhoneNumber(await phoneOf('demo'))).toMatchObject({ purePhoneNumber: '13800138000' });
  });

  it('a wrong secret is a 500 WECHAT_REQUEST_REJECTED (40125) that never shows the secret', async () => {
    const phone = createWechatClients(sandbox.config({ WECHAT_SECRET: 'wrong-secret-123' })).phone;
    const failure = (await phone.getPhoneNumber(await phoneOf('demo')).catch((error: unknown) => error)) as WechatApiError;
    expect([failure.status, failure.code, failure.expose, failure.errcode]).toEqual([500, 'WECHAT_REQUEST_REJECTED', false, 40125]);
    expect(JSON.stringify({ ...failure, message: failure.message, cause: String(failure.cause) })).not.toContain('wrong-secret-123');
  });
});

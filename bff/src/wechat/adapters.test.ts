import { useTestDatabase } from '../test/database';
import { testConfig } from '../test/app';
import { useWechatSandbox } from '../test/wechatSandbox';
import { createWechatClients, type WechatClients } from './clients';
import type { WechatApiError } from './wechatError';

useTestDatabase();
const sandbox = useWechatSandbox();

let wechat: WechatClients;
beforeAll(() => {
  wechat = createWechatClients(sandbox.config());
});
beforeEach(async () => {
  await sandbox.control().reset();
});

const failureOf = async (promise: Promise<unknown>): Promise<Pick<WechatApiError, 'status' | 'code' | 'retryable' | 'errcode'>> => {
  const error = (await promise.then(
    () => {
      throw new Error('expected a WeChat failure');
    },
    (caught: unknown) => caught,
  )) as WechatApiError;
  return { status: error.status, code: error.code, retryable: error.retryable, errcode: error.errcode };
};

describe('login', () => {
  it('returns the openid (and unionid when bound) and never the session_key', async () => {
    const { code, openid } = await sandbox.control().loginCode({ user: 'alice' });
    expect(await wechat.login.code2Session(code)).toEqual({ openid });
    await sandbox.control().upsertUser({ user: 'alice' }, { unionid: 'u-alice' });
    expect(await wechat.login.code2Session((await sandbox.control().loginCode({ user: 'alice' })).code)).toEqual({ openid, unionid: 'u-alice' });
  });

  it('maps WeChat refusals: used code 400, 45011 429 retryable, 40226 403, -1 503 retryable, wrong secret 400', async () => {
    const { code } = await sandbox.control().loginCode({ user: 'demo' });
    await wechat.login.code2Session(code);
    expect(await failureOf(wechat.login.code2Session(code))).toEqual({ status: 400, code: 'WECHAT_CODE_INVALID', retryable: false, errcode: 40029 });
    await sandbox.control().setReusedCodeErrcode(40163);
    expect((await failureOf(wechat.login.code2Session(code))).code).toBe('WECHAT_CODE_INVALID');
    for (const [errcode, expected] of [
      [45011, { status: 429, code: 'WECHAT_RATE_LIMITED', retryable: true, errcode: 45011 }],
      [40226, { status: 403, code: 'WECHAT_LOGIN_BLOCKED', retryable: false, errcode: 40226 }],
      [-1, { status: 503, code: 'WECHAT_UNAVAILABLE', retryable: true, errcode: -1 }],
    ] as const) {
      await sandbox.control().injectFault('jscode2session', errcode);
      expect(await failureOf(wechat.login.code2Session((await sandbox.control().loginCode({ user: 'demo' })).code))).toEqual(expected);
    }
    const wrongSecret = createWechatClients(sandbox.config({ WECHAT_SECRET: 'not-the-secret' }));
    expect((await failureOf(wrongSecret.login.code2Session((await sandbox.control().loginCode({ user: 'demo' })).code))).code).toBe('WECHAT_CODE_INVALID');
  });

  it('an unreachable WeChat is 503 WECHAT_UNAVAILABLE, retryable', async () => {
    const offline = createWechatClients(testConfig({ WECHAT_API_BASE: 'http://127.0.0.1:9' }));
    expect(await failureOf(offline.login.code2Session('any'))).toEqual({ status: 503, code: 'WECHAT_UNAVAILABLE', retryable: true, errcode: -1 });
  });
});

describe('phone', () => {
  it('exchanges a single-use code for the number', async () => {
    const code = await sandbox.control().phoneCode({ user: 'bob' }, '13912345678');
    expect(await wechat.phone.getPhoneNumber(code)).toEqual({ phoneNumber: '13912345678', purePhoneNumber: '13912345678', countryCode: '86' });
    expect(await failureOf(wechat.phone.getPhoneNumber(code))).toMatchObject({ status: 400, code: 'WECHAT_CODE_INVALID' });
  });
});

describe('messages', () => {
  const reminder = (touser: string) => ({
    touser,
    templateId: 'sandbox-tmpl-birthday-reminder',
    page: 'pages/birthday/index',
    data: { thing1: '生日礼已解锁', date2: '2026年05月20日', thing3: '进店出示会员码领取' },
  });

  it('sends exactly as many times as the user accepted, then 409 SUBSCRIPTION_QUOTA_EXHAUSTED; each send gives its msgid exactly', async () => {
    const { openid } = await sandbox.control().subscribe({ user: 'carol' }, 'birthdayReminder', 'accept', 2);
    const sent = [await wechat.messages.sendSubscribeMessage(reminder(openid)), await wechat.messages.sendSubscribeMessage(reminder(openid))];
    // 19 digits, beyond a JSON number's exactness: read as text, digit for digit.
    expect(sent).toEqual((await sandbox.control().outbox(openid)).map((message) => ({ msgId: message.msgid })));
    expect(sent[0]?.msgId).toMatch(/^\d{19}$/);
    expect(await failureOf(wechat.messages.sendSubscribeMessage(reminder(openid)))).toEqual({ status: 409, code: 'SUBSCRIPTION_QUOTA_EXHAUSTED', retryable: false, errcode: 43101 });
    const outbox = await sandbox.control().outbox(openid);
    expect(outbox.map((message) => message.data)).toEqual([reminder(openid).data, reminder(openid).data]);
  });

  it('bad data, template or page are our bug: 500 WECHAT_REQUEST_REJECTED, not shown to the member', async () => {
    const { openid } = await sandbox.control().subscribe({ user: 'dan' }, 'birthdayReminder');
    expect(await failureOf(wechat.messages.sendSubscribeMessage({ ...reminder(openid), data: { ...reminder(openid).data, thing1: 'x'.repeat(21) } }))).toMatchObject({ status: 500, code: 'WECHAT_REQUEST_REJECTED', errcode: 47003 });
    expect((await failureOf(wechat.messages.sendSubscribeMessage({ ...reminder(openid), templateId: 'nope' }))).errcode).toBe(40037);
    expect((await failureOf(wechat.messages.sendSubscribeMessage({ ...reminder(openid), page: 'pages/gone/index' }))).errcode).toBe(41030);
    await wechat.messages.sendSubscribeMessage(reminder(openid));
  });
});

describe('security', () => {
  it('returns the scripted verdict; 403 WECHAT_VISIT_EXPIRED without a visit in 2 hours', async () => {
    const { openid } = await sandbox.control().visit({ user: 'erin' });
    await sandbox.control().setMsgSecRules([{ keyword: '违禁', suggest: 'risky', label: 20006 }]);
    expect(await wechat.security.checkText({ openid, scene: 2, content: '生日快乐' })).toEqual({ suggest: 'pass', label: 100, traceId: expect.any(String) });
    expect(await wechat.security.checkText({ openid, scene: 2, content: '违禁词' })).toMatchObject({ suggest: 'risky', label: 20006 });
    const stranger = (await sandbox.control().upsertUser({ user: 'frank' })).openid;
    expect(await failureOf(wechat.security.checkText({ openid: stranger, scene: 2, content: 'hi' }))).toMatchObject({ status: 403, code: 'WECHAT_VISIT_EXPIRED', errcode: 61010 });
  });
});

describe('mediaCheckAsync', () => {
  const image = { scene: 3 as const, mediaUrl: 'http://127.0.0.1:9/photos/cake.png', mediaType: 'image' as const };

  it('answers the trace_id the verdict will come back with', async () => {
    const { openid } = await sandbox.control().visit({ user: 'poster' });
    const { traceId } = await wechat.security.mediaCheckAsync({ ...image, openid });
    expect((await sandbox.control().mediaChecks()).map((check) => [check.traceId, check.openid, check.mediaUrl, check.mediaType, check.scene])).toEqual([[traceId, openid, image.mediaUrl, 2, 3]]);
  });

  it('403 WECHAT_VISIT_EXPIRED without a visit in 2 hours (61010); WeChat busy is 503 retryable; over the quota 429', async () => {
    const stranger = (await sandbox.control().upsertUser({ user: 'lurker' })).openid;
    expect(await failureOf(wechat.security.mediaCheckAsync({ ...image, openid: stranger }))).toEqual({ status: 403, code: 'WECHAT_VISIT_EXPIRED', retryable: false, errcode: 61010 });
    const { openid } = await sandbox.control().visit({ user: 'poster2' });
    await sandbox.control().injectFault('media_check_async', -1);
    expect(await failureOf(wechat.security.mediaCheckAsync({ ...image, openid }))).toEqual({ status: 503, code: 'WECHAT_UNAVAILABLE', retryable: true, errcode: -1 });
    await sandbox.control().injectFault('media_check_async', 45009);
    expect(await failureOf(wechat.security.mediaCheckAsync({ ...image, openid }))).toEqual({ status: 429, code: 'WECHAT_RATE_LIMITED', retryable: false, errcode: 45009 });
    expect(await sandbox.control().mediaChecks()).toEqual([]);
  });
});

describe('wxacode', () => {
  it('returns PNG bytes; an unknown page is rejected (41030)', async () => {
    const png = await wechat.wxacode.getUnlimitedCode({ scene: 'h=Ab12', page: 'pages/home/index', width: 280 });
    expect(png.subarray(0, 4).toString('hex')).toBe('89504e47');
    expect((await failureOf(wechat.wxacode.getUnlimitedCode({ scene: 'h=Ab12', page: 'pages/nowhere/index' }))).errcode).toBe(41030);
  });
});

describe('risk', () => {
  it('returns the scripted risk rank', async () => {
    const { openid } = await sandbox.control().visit({ user: 'gina' });
    expect(await wechat.risk.getUserRiskRank({ openid, scene: 1, clientIp: '10.0.0.1' })).toBe(0);
    await sandbox.control().setRiskRank({ openid }, 3);
    expect(await wechat.risk.getUserRiskRank({ openid, scene: 1, clientIp: '10.0.0.1' })).toBe(3);
  });
});

import type TestAgent from 'supertest/lib/agent';
import { buildTestApp, testConfig } from '../test/app';
import { useTestDatabase } from '../test/database';
import { useWechatSandbox } from '../test/wechatSandbox';
import { DeletedAccountModel } from '../members/DeletedAccount.model';
import { MemberModel } from '../members/Member.model';
import { decryptPersonalData } from '../members/personalDataCrypto';
import type { WechatSession } from '../wechat/types';

useTestDatabase();
const sandbox = useWechatSandbox();

const now = new Date('2026-05-10T04:00:00.000Z');
let http: TestAgent;
beforeAll(() => {
  http = buildTestApp({ now: () => now, config: sandbox.config({ LOGIN_LIMIT_PER_IP_PER_MINUTE: '1000' }) }).http;
});

/** What wx.login gives the mini-program for this WeChat user (the sandbox binds the code to the openid). */
async function loginCode(session: WechatSession): Promise<string> {
  if (session.unionid) await sandbox.control().upsertUser({ openid: session.openid }, { unionid: session.unionid });
  return (await sandbox.control().loginCode({ openid: session.openid })).code;
}

const login = async (session: WechatSession) => http.post('/api/auth.login').send({ code: await loginCode(session) });

describe('auth.login', () => {
  it('400 without a code', async () => {
    expect((await http.post('/api/auth.login').send({})).status).toBe(400);
    expect((await http.post('/api/auth.login').send({ code: '' })).status).toBe(400);
  });

  it('200 creates the member once, then finds it; the token works and carries no WeChat secret', async () => {
    const first = await login({ openid: 'o-login-1' });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ token: expect.any(String), expiresAt: '2026-05-10T14:00:00+08:00', member: { id: expect.any(String), isNew: true } });
    const again = await login({ openid: 'o-login-1' });
    expect(again.body.member).toEqual({ id: first.body.member.id, isNew: false });
    const payload = JSON.parse(Buffer.from(String(first.body.token).split('.')[1] ?? '', 'base64url').toString());
    expect(Object.keys(payload).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'sub', 'ver']);
    const me = await http.post('/api/members.me').set('Authorization', `Bearer ${first.body.token}`).send({});
    expect(me.body.id).toBe(first.body.member.id);
  });

  it('links by unionid: one person, one member', async () => {
    const first = await login({ openid: 'o-app-a', unionid: 'u-person' });
    const other = await login({ openid: 'o-app-b', unionid: 'u-person' });
    expect(other.body.member.id).toBe(first.body.member.id);
    const later = await login({ openid: 'o-app-c' });
    await login({ openid: 'o-app-c', unionid: 'u-person-c' });
    expect((await MemberModel.findById(later.body.member.id).lean())?.unionid).toBe('u-person-c');
  });

  it('concurrent first logins of one openid create one member', async () => {
    const responses = await Promise.all(Array.from({ length: 5 }, () => login({ openid: 'o-racing' })));
    expect(new Set(responses.map((response) => response.body.member.id)).size).toBe(1);
    expect(await MemberModel.countDocuments({ openid: 'o-racing' })).toBe(1);
  });

  it('a deleted account registers afresh but is marked as not eligible for new-member rewards', async () => {
    const first = await login({ openid: 'o-returning' });
    await http.post('/api/members.delete').set('Authorization', `Bearer ${first.body.token}`).send({ confirm: true });
    expect(await DeletedAccountModel.countDocuments()).toBeGreaterThanOrEqual(1);
    const back = await login({ openid: 'o-returning' });
    expect(back.body.member).toEqual({ id: expect.any(String), isNew: true });
    expect(back.body.member.id).not.toBe(first.body.member.id);
    expect((await MemberModel.findById(back.body.member.id).lean())?.newMemberRewardsEligible).toBe(false);
  });

  it('a used code is 400 WECHAT_CODE_INVALID and creates nothing; WeChat refusals keep their stable codes', async () => {
    const code = await loginCode({ openid: 'o-once' });
    expect((await http.post('/api/auth.login').send({ code })).status).toBe(200);
    const reused = await http.post('/api/auth.login').send({ code });
    expect([reused.status, reused.body.error.code]).toEqual([400, 'WECHAT_CODE_INVALID']);
    const unknown = await http.post('/api/auth.login').send({ code: 'never-issued' });
    expect([unknown.status, unknown.body.error.code]).toEqual([400, 'WECHAT_CODE_INVALID']);

    await sandbox.control().injectFault('jscode2session', 40226);
    const blocked = await login({ openid: 'o-risky' });
    expect([blocked.status, blocked.body.error.code]).toEqual([403, 'WECHAT_LOGIN_BLOCKED']);
    await sandbox.control().injectFault('jscode2session', -1);
    const busy = await login({ openid: 'o-risky' });
    expect([busy.status, busy.body.error.code]).toEqual([503, 'WECHAT_UNAVAILABLE']);
    expect(await MemberModel.countDocuments({ openid: 'o-risky' })).toBe(0);
  });

  it('429 RATE_LIMITED per openid, counted in the database, with Retry-After: the seconds left in the minute', async () => {
    const limited = buildTestApp({ now: () => now, config: sandbox.config({ LOGIN_LIMIT_PER_OPENID_PER_MINUTE: '2', LOGIN_LIMIT_PER_IP_PER_MINUTE: '1000' }) });
    const responses = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      responses.push(await limited.http.post('/api/auth.login').send({ code: await loginCode({ openid: 'o-hammer' }) }));
    }
    expect(responses.map((response) => response.status)).toEqual([200, 200, 429]);
    const retryAfter = Number(responses[2]?.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });
});

describe('members.bindPhone', () => {
  const bind = (token: string, code: string | undefined) => http.post('/api/members.bindPhone').set('Authorization', `Bearer ${token}`).send(code === undefined ? {} : { code });

  it('401, 400, 409 when the phone belongs to another member, 200 stores it encrypted and returns it masked', async () => {
    expect((await http.post('/api/members.bindPhone').send({ code: 'x' })).status).toBe(401);
    const alice = (await login({ openid: 'o-phone-alice' })).body.token as string;
    const bob = (await login({ openid: 'o-phone-bob' })).body.token as string;
    expect((await bind(alice, undefined)).status).toBe(400);

    const bound = await bind(alice, await sandbox.control().phoneCode({ openid: 'o-phone-alice' }, '13812341234'));
    expect([bound.status, bound.body]).toEqual([200, { phoneMasked: '138****1234' }]);
    const stored = await MemberModel.findOne({ openid: 'o-phone-alice' }).lean();
    expect(JSON.stringify(stored)).not.toContain('13812341234');
    expect(decryptPersonalData(stored?.phone?.ciphertext ?? '', testConfig().DATA_ENCRYPTION_KEY)).toBe('13812341234');

    const taken = await bind(bob, await sandbox.control().phoneCode({ openid: 'o-phone-bob' }, '13812341234'));
    expect([taken.status, taken.body.error.code]).toEqual([409, 'PHONE_TAKEN']);
    const me = await http.post('/api/members.me').set('Authorization', `Bearer ${alice}`).send({});
    expect(me.body.phoneMasked).toBe('138****1234');

    const used = await sandbox.control().phoneCode({ openid: 'o-phone-bob' }, '13900001111');
    expect((await bind(bob, used)).status).toBe(200);
    const again = await bind(bob, used);
    expect([again.status, again.body.error.code]).toEqual([400, 'WECHAT_CODE_INVALID']);
  });
});

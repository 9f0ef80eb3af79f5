import { consentTexts } from '@cakeday/shared';
import { Types } from 'mongoose';
import { buildTestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, buildPointsLot, sessionFor } from '../test/factories';
import { earnPoints } from '../points/earnPoints';
import { PointsEntryModel } from '../points/PointsEntry.model';
import { recordPaidSpend } from '../tiers/recordPaidSpend';
import { ConsentModel } from '../consents/Consent.model';
import { DeletedAccountModel } from './DeletedAccount.model';
import { MemberModel, type Member } from './Member.model';
import { deleteMember } from './deleteMember';
import { testConfig, type TestApp } from '../test/app';
import { useWechatSandbox } from '../test/wechatSandbox';
import { DEFAULT_SETTINGS_SNAPSHOT } from '../settings/settingsSource';

useTestDatabase();
const sandbox = useWechatSandbox();

const clock = { now: new Date('2026-05-10T04:00:00.000Z') }; // 12:00 on 10 May in Shanghai
let http: TestApp['http'];
beforeAll(() => {
  http = buildTestApp({ config: sandbox.config(), now: () => clock.now }).http;
});
const birthdayVersion = consentTexts.birthday.version;

beforeEach(() => {
  clock.now = new Date('2026-05-10T04:00:00.000Z');
});

async function signedIn(): Promise<{ memberId: string; auth: string; member: Member }> {
  const member = await buildMember({ createdAt: new Date('2025-09-01T02:00:00.000Z') });
  await sandbox.control().visit({ openid: member.openid });
  return { member, memberId: member._id.toHexString(), auth: await sessionFor(member, { now: clock.now }) };
}

describe('members.me', () => {
  it('401 without a session', async () => {
    expect((await http.post('/api/members.me').send({})).status).toBe(401);
  });

  it('400 on unexpected input', async () => {
    const { auth } = await signedIn();
    expect((await http.post('/api/members.me').set('Authorization', auth).send({ memberId: 'someone' })).status).toBe(400);
  });

  it('401 when the member behind a still-valid token is gone', async () => {
    const { memberId, auth } = await signedIn();
    await MemberModel.deleteOne({ _id: memberId });
    expect((await http.post('/api/members.me').set('Authorization', auth).send({})).status).toBe(401);
  });

  it('200 with profile, tier progress, balance and points expiring within 30 days', async () => {
    const member = await buildMember({ createdAt: new Date('2025-09-01T02:00:00.000Z'), nickname: '小麦' });
    const memberId = member._id.toHexString();
    // A lot earned in 2024 expires when 2026 begins; one earned in 2025 at the end of 2026.
    await earnPoints({ memberId, points: 80, idempotencyKey: 'me-1', reasonCode: 'order_paid', reason: '订单支付获得积分', reference: null }, { now: new Date('2025-12-01T00:00:00.000Z'), settings: DEFAULT_SETTINGS_SNAPSHOT });
    await recordPaidSpend(
      { memberId, amountFen: 60_000, idempotencyKey: 'pay-1', paidAt: new Date('2026-04-01T00:00:00.000Z'), reference: 'order-1' },
      { now: clock.now, thresholds: { goldFen: 50_000, diamondFen: 200_000 } },
    );
    clock.now = new Date('2026-12-10T04:00:00.000Z');
    const response = await http.post('/api/members.me').set('Authorization', await sessionFor(member, { now: clock.now })).send({});
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: memberId,
      nickname: '小麦',
      nicknameInReview: false,
      avatarUrl: null,
      phoneMasked: null,
      birthday: null,
      birthdayLock: { state: 'open', correctableUntil: null, correctionsLeft: 0 },
      memberSince: '2025-09-01T10:00:00+08:00',
      tier: {
        level: 'gold',
        name: '金卡',
        rollingSpendFen: 60_000,
        next: { level: 'diamond', name: '钻石卡', thresholdFen: 200_000, remainingFen: 140_000 },
        reviewOn: '2027-09-01',
      },
      points: { balance: 80, expiringSoon: { points: 80, before: '2027-01-09T12:00:00+08:00', firstExpiresAt: '2027-01-01T00:00:00+08:00' } },
      coupons: { available: 0 },
    });
  });
});

describe('members.update', () => {
  it('401, 400 for an empty or too long nickname, 200 with the new profile', async () => {
    expect((await http.post('/api/members.update').send({ nickname: 'a' })).status).toBe(401);
    const { auth } = await signedIn();
    expect((await http.post('/api/members.update').set('Authorization', auth).send({})).status).toBe(400);
    expect((await http.post('/api/members.update').set('Authorization', auth).send({ nickname: '长'.repeat(21) })).status).toBe(400);
    expect((await http.post('/api/members.update').set('Authorization', auth).send({ avatarUrl: 'javascript:alert(1)' })).status).toBe(400);
    const response = await http.post('/api/members.update').set('Authorization', auth).send({ nickname: ' 麦麦 ', avatarUrl: 'https://img.example.com/a.png' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ nickname: '麦麦', nicknameInReview: false, avatarUrl: 'https://img.example.com/a.png' });
  });
});

describe('members.setBirthday', () => {
  const set = (auth: string, body: object) => http.post('/api/members.setBirthday').set('Authorization', auth).send(body);

  it('401 without a session; 400 without consent or with an impossible date; 403 with a stale consent', async () => {
    expect((await http.post('/api/members.setBirthday').send({ month: 3, day: 1, consentVersion: birthdayVersion })).status).toBe(401);
    const { auth } = await signedIn();
    const noConsent = await set(auth, { month: 3, day: 1 });
    expect([noConsent.status, noConsent.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const stale = await set(auth, { month: 3, day: 1, consentVersion: 'birthday-2020-01' });
    expect([stale.status, stale.body.error.code]).toEqual([403, 'CONSENT_REQUIRED']);
    expect((await set(auth, { month: 2, day: 29, year: 2001, consentVersion: birthdayVersion })).status).toBe(400);
    expect((await set(auth, { month: 4, day: 31, consentVersion: birthdayVersion })).status).toBe(400);
  });

  it('200 sets it once with a consent record; one correction within 30 days; then 409 BIRTHDAY_LOCKED', async () => {
    const { member, memberId, auth } = await signedIn();
    const first = await set(auth, { month: 9, day: 15, consentVersion: birthdayVersion });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      birthday: { month: 9, day: 15, year: null },
      birthdayLock: { state: 'correctable', correctableUntil: '2026-06-10T00:00:00+08:00', correctionsLeft: 1 },
    });
    const records = await ConsentModel.find({ memberId }).lean();
    expect(records.map((record) => [record.purpose, record.action, record.version])).toEqual([['birthday', 'grant', birthdayVersion]]);

    clock.now = new Date('2026-05-20T04:00:00.000Z');
    const later = await sessionFor(member, { now: clock.now });
    const corrected = await set(later, { month: 10, day: 15, year: 1990, consentVersion: birthdayVersion });
    expect(corrected.status).toBe(200);
    expect(corrected.body.birthdayLock).toEqual({ state: 'locked', correctableUntil: null, correctionsLeft: 0 });

    const again = await set(later, { month: 11, day: 15, consentVersion: birthdayVersion });
    expect([again.status, again.body.error.code]).toEqual([409, 'BIRTHDAY_LOCKED']);
  });

  it('409 BIRTHDAY_TOO_CLOSE for a correction in the 30 days before the birthday', async () => {
    const { auth } = await signedIn();
    expect((await set(auth, { month: 5, day: 30, consentVersion: birthdayVersion })).status).toBe(200);
    const tooClose = await set(auth, { month: 8, day: 1, consentVersion: birthdayVersion });
    expect([tooClose.status, tooClose.body.error.code]).toEqual([409, 'BIRTHDAY_TOO_CLOSE']);
  });

  it('409 BIRTHDAY_BENEFIT_CLAIMED once a birthday benefit was claimed this birthday year', async () => {
    const { memberId, auth } = await signedIn();
    expect((await set(auth, { month: 1, day: 20, consentVersion: birthdayVersion })).status).toBe(200);
    await MemberModel.updateOne({ _id: memberId }, { $set: { 'birthdayHistory.lastBenefitClaimedAt': clock.now } });
    const refused = await set(auth, { month: 12, day: 20, consentVersion: birthdayVersion });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'BIRTHDAY_BENEFIT_CLAIMED']);
  });
});

describe('the birth year at rest', () => {
  const raw = async (memberId: string) => MemberModel.collection.findOne({ _id: new Types.ObjectId(memberId) });

  it('is stored encrypted (month and day stay queryable) and still comes back to the member', async () => {
    const { memberId, auth } = await signedIn();
    const response = await http.post('/api/members.setBirthday').set('Authorization', auth).send({ month: 9, day: 15, year: 1990, consentVersion: birthdayVersion });
    expect(response.body.birthday).toEqual({ month: 9, day: 15, year: 1990 });

    const stored = await raw(memberId);
    expect(stored?.birthday).toEqual({ month: 9, day: 15, yearCiphertext: expect.any(String) });
    expect(JSON.stringify(stored)).not.toContain('1990');
    expect(await MemberModel.countDocuments({ _id: memberId, 'birthday.month': 9, 'birthday.day': 15 })).toBe(1);
    expect((await http.post('/api/members.me').set('Authorization', auth).send({})).body.birthday).toEqual({ month: 9, day: 15, year: 1990 });
    expect((await http.post('/api/members.export').set('Authorization', auth).send({})).body.profile.birthday).toEqual({ month: 9, day: 15, year: 1990 });
  });

  it('a year stored in clear before encryption is read as it is, and encrypted by the next change', async () => {
    const { memberId, auth } = await signedIn();
    await MemberModel.collection.updateOne(
      { _id: new Types.ObjectId(memberId) },
      { $set: { birthday: { month: 9, day: 15, year: 1988 }, 'birthdayHistory.firstSetAt': clock.now } },
    );
    expect((await http.post('/api/members.me').set('Authorization', auth).send({})).body.birthday).toEqual({ month: 9, day: 15, year: 1988 });
    // The same birthday again is recognised as unchanged (the clear year is read); the correction stores it encrypted.
    const same = await http.post('/api/members.setBirthday').set('Authorization', auth).send({ month: 9, day: 15, year: 1988, consentVersion: birthdayVersion });
    expect([same.status, same.body.birthdayLock.state]).toEqual([200, 'correctable']);
    const corrected = await http.post('/api/members.setBirthday').set('Authorization', auth).send({ month: 9, day: 16, year: 1988, consentVersion: birthdayVersion });
    expect(corrected.body.birthday).toEqual({ month: 9, day: 16, year: 1988 });
    expect(JSON.stringify(await raw(memberId))).not.toContain('1988');
  });
});

describe('members.export', () => {
  it('401, 400, then 200 with everything stored about the member and nothing about others', async () => {
    expect((await http.post('/api/members.export').send({})).status).toBe(401);
    const { memberId, auth } = await signedIn();
    expect((await http.post('/api/members.export').set('Authorization', auth).send({ all: true })).status).toBe(400);
    await set(auth, { month: 9, day: 15, consentVersion: birthdayVersion });
    await earnPoints({ memberId, points: 42, idempotencyKey: 'export-earn', reasonCode: 'order_paid', reason: '订单支付获得积分', reference: null }, { now: clock.now, settings: DEFAULT_SETTINGS_SNAPSHOT });
    await buildPointsLot({ points: 999 }); // someone else's

    const response = await http.post('/api/members.export').set('Authorization', auth).send({});
    expect(response.status).toBe(200);
    expect(response.body.profile).toMatchObject({ id: memberId, birthday: { month: 9, day: 15, year: null }, status: 'active', unionidLinked: false });
    expect(response.body.points).toMatchObject({ balance: 42, lots: [expect.objectContaining({ amount: 42, remaining: 42 })] });
    expect(response.body.points.entries).toEqual([expect.objectContaining({ delta: 42, reason: '订单支付获得积分' })]);
    expect(response.body.consents).toEqual([expect.objectContaining({ purpose: 'birthday', action: 'grant' })]);
    expect(JSON.stringify(response.body)).not.toMatch(/openid|o-test-/);
  });

  function set(auth: string, body: object) {
    return http.post('/api/members.setBirthday').set('Authorization', auth).send(body);
  }
});

describe('members.delete', () => {
  it('401, 400 without confirmation, then 200: personal data erased, sessions revoked, ledger kept anonymised', async () => {
    expect((await http.post('/api/members.delete').send({ confirm: true })).status).toBe(401);
    const member = await buildMember({ nickname: '要走了', unionid: 'u-delete-me', phoneHash: 'h-delete-me', phone: { ciphertext: 'c', masked: '138****0000', boundAt: clock.now } });
    const memberId = member._id.toHexString();
    const auth = await sessionFor(member, { now: clock.now });
    expect((await http.post('/api/members.delete').set('Authorization', auth).send({})).status).toBe(400);
    await http.post('/api/members.setBirthday').set('Authorization', auth).send({ month: 9, day: 15, consentVersion: birthdayVersion });
    await buildPointsLot({ member, points: 10 });

    const response = await http.post('/api/members.delete').set('Authorization', auth).send({ confirm: true });
    expect([response.status, response.body]).toEqual([200, { deleted: true }]);

    const stored = await MemberModel.findById(memberId).lean();
    expect(stored).toMatchObject({ status: 'deleted', openid: `deleted:${memberId}`, nickname: null, phone: null, birthday: null });
    expect(stored?.unionid).toBeUndefined();
    expect(stored?.phoneHash).toBeUndefined();
    expect(await PointsEntryModel.countDocuments({ memberId: member._id })).toBe(1);
    expect((await ConsentModel.find({ memberId }).lean()).every((record) => record.ip === null)).toBe(true);
    expect(await DeletedAccountModel.countDocuments()).toBeGreaterThanOrEqual(1);
    expect((await http.post('/api/members.me').set('Authorization', auth).send({})).status).toBe(401);

    // Idempotent: deleting again changes nothing and does not fail.
    await deleteMember(memberId, { now: clock.now, config: testConfig() });
    expect(await MemberModel.findById(memberId).lean()).toEqual(stored);
  });
});

describe('cross-member access', () => {
  it('a member only ever reads and changes their own data, whatever the body says', async () => {
    const alice = await signedIn();
    const bob = await signedIn();
    await earnPoints({ memberId: bob.memberId, points: 500, idempotencyKey: 'bob-earn', reasonCode: 'order_paid', reason: '订单支付获得积分', reference: null }, { now: clock.now, settings: DEFAULT_SETTINGS_SNAPSHOT });

    expect((await http.post('/api/members.update').set('Authorization', alice.auth).send({ id: bob.memberId, nickname: 'x' })).status).toBe(400);
    expect((await http.post('/api/points.history').set('Authorization', alice.auth).send({ memberId: bob.memberId })).status).toBe(400);
    const history = await http.post('/api/points.history').set('Authorization', alice.auth).send({});
    expect(history.body).toEqual({ balance: 0, items: [], nextCursor: null });
    const me = await http.post('/api/members.me').set('Authorization', alice.auth).send({});
    expect(me.body.id).toBe(alice.memberId);
    await http.post('/api/members.update').set('Authorization', alice.auth).send({ nickname: 'Alice' });
    expect((await MemberModel.findById(bob.memberId).lean())?.nickname).toBeNull();
    await http.post('/api/members.delete').set('Authorization', alice.auth).send({ confirm: true });
    expect((await MemberModel.findById(bob.memberId).lean())?.status).toBe('active');
  });
});

import { isMemberCodeNumber } from '@cakeday/shared';
import { CouponModel } from '../coupons/Coupon.model';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, buildPointsLot, sessionFor } from '../test/factories';
import { buildMemberCoupon } from '../test/posFactories';
import { MemberCodeModel } from './MemberCode.model';
import { codeOfToken } from './memberCodeToken';

useTestDatabase();
const clock = { now: new Date('2026-06-10T04:00:00.000Z') };
let app: TestApp;

beforeAll(() => {
  app = buildTestApp({ now: () => clock.now });
});

const issue = async (member: Awaited<ReturnType<typeof buildMember>>, couponIds: string[] = []) =>
  app.http.post('/api/memberCode.issue').set('Authorization', await sessionFor(member, { now: clock.now })).send({ couponIds });

describe('memberCode.issue', () => {
  it('issues a signed 60-second code with an 18-digit barcode, the tier, the points and the attached coupons; 401 without a session', async () => {
    expect((await app.http.post('/api/memberCode.issue').send({})).status).toBe(401);
    const { member } = await buildPointsLot({ points: 300, earnedAt: clock.now });
    const coupon = await buildMemberCoupon(member, clock.now);
    const response = await issue(member, [coupon._id.toHexString()]);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ expiresAt: '2026-06-10T12:01:00+08:00', refreshAfterSeconds: 50, member: { tier: { level: 'basic', name: '普卡' }, pointsBalance: 300 } });
    expect(response.body.coupons).toEqual([expect.objectContaining({ id: coupon._id.toHexString(), valueText: '¥10' })]);
    expect(isMemberCodeNumber(response.body.numericCode)).toBe(true);
    expect(codeOfToken(response.body.token, app.deps.config.SESSION_SECRET)).toBe(response.body.numericCode);
    expect(codeOfToken(response.body.token, 'another-secret-of-at-least-32-characters')).toBeNull();
    expect(await MemberCodeModel.findOne({ code: response.body.numericCode }).lean()).toMatchObject({ memberId: member._id, couponIds: [coupon._id] });
    // Each refresh is a new code.
    expect((await issue(member)).body.numericCode).not.toBe(response.body.numericCode);
  });

  it('refuses a coupon that is not the member’s or not usable', async () => {
    const member = await buildMember();
    const others = await buildMemberCoupon(await buildMember(), clock.now);
    expect((await issue(member, [others._id.toHexString()])).body.error.code).toBe('COUPON_NOT_AVAILABLE');
    const used = await buildMemberCoupon(member, clock.now);
    await CouponModel.updateOne({ _id: used._id }, { $set: { status: 'used' } });
    expect((await issue(member, [used._id.toHexString()])).status).toBe(409);
  });
});

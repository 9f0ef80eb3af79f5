import type { Member } from '../members/Member.model';
import { CouponModel } from '../coupons/Coupon.model';
import { PointsAccountModel } from '../points/PointsAccount.model';
import { PointsEntryModel } from '../points/PointsEntry.model';
import { spendPoints } from '../points/spendPoints';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { buildIntegration, freshNonce, signedPost, type TestIntegration } from '../test/integrationFactories';
import { buildMemberCoupon, memberCodeFor, purchaseBody } from '../test/posFactories';
import { rollingSpendFen } from '../tiers/rollingSpend';
import { EventModel } from '../events/Event.model';
import { PosPurchaseModel } from './PosPurchase.model';

useTestDatabase();
const clock = { now: new Date('2026-06-10T04:00:00.000Z') };
let app: TestApp;
let till: TestIntegration;

beforeAll(async () => {
  app = buildTestApp({ now: () => clock.now });
  till = await buildIntegration();
});

const balanceOf = async (member: Member): Promise<number> => (await PointsAccountModel.findById(member._id).lean())?.balance ?? 0;
const spendOf = (member: Member): Promise<number> => rollingSpendFen(member._id.toHexString(), clock.now);

async function purchased(totalFen: number, options: { coupon?: boolean; receiptNo?: string; send?: boolean } = {}) {
  const member = await buildMember({ nickname: '李雷' });
  const coupon = options.coupon ? await buildMemberCoupon(member, clock.now) : null;
  const code = await memberCodeFor(app.http, member, coupon ? [coupon] : [], clock.now);
  const receiptNo = options.receiptNo ?? `R-${freshNonce()}`;
  const body = purchaseBody(code.numericCode, receiptNo, totalFen, { at: clock.now, discountFen: coupon ? 1000 : 0, couponIds: coupon ? [coupon._id.toHexString()] : [] });
  const send = () => signedPost(app.http, till, 'pos.purchase', body, { at: clock.now });
  if (options.send !== false) expect((await send()).status).toBe(200);
  return { member, coupon, receiptNo, send };
}

const refund = (receiptNo: string, refundNo: string, refundFen: number, integration: TestIntegration = till) =>
  signedPost(app.http, integration, 'pos.refund', { receiptNo, refundNo, refundedAt: clock.now.toISOString(), refundFen }, { at: clock.now });

describe('pos.refund', () => {
  it('takes back points and spend in proportion, squares the last refund exactly, and refuses more than was paid', async () => {
    // ¥100 paid: 100 points; refunds of 33.33, 33.33 and 33.34 yuan take 33, 33 and 34 (not 33 three times).
    const { member, receiptNo } = await purchased(10_000);
    expect(await balanceOf(member)).toBe(100);
    const first = await refund(receiptNo, 'F1', 3_333);
    expect(first.body).toMatchObject({ status: 'settled', refundFen: 3_333, pointsClawedBack: 33, couponsRestored: [] });
    expect((await refund(receiptNo, 'F2', 3_333)).body.pointsClawedBack).toBe(33);
    expect(await spendOf(member)).toBe(3_334);
    const tooMuch = await refund(receiptNo, 'F3', 3_335);
    expect([tooMuch.status, tooMuch.body.error.code]).toEqual([422, 'POS_REFUND_EXCEEDS']);
    expect((await refund(receiptNo, 'F4', 3_334)).body.pointsClawedBack).toBe(34);
    expect(await balanceOf(member)).toBe(0);
    expect(await spendOf(member)).toBe(0);
  });

  it('answers a replayed refund with the same refund, taking back once, and refuses its number with another amount', async () => {
    const { member, receiptNo } = await purchased(20_000);
    const answers = await Promise.all(Array.from({ length: 5 }, () => refund(receiptNo, 'RF-1', 5_000)));
    expect(answers.map((answer) => [answer.status, answer.body.pointsClawedBack])).toEqual(Array(5).fill([200, 50]));
    expect(await balanceOf(member)).toBe(150);
    expect(await spendOf(member)).toBe(15_000);
    expect(await EventModel.find({ type: 'purchase.refunded', memberId: member._id }).lean()).toEqual([expect.objectContaining({ props: expect.objectContaining({ refundFen: 5_000 }) })]);
    const changed = await refund(receiptNo, 'RF-1', 6_000);
    expect([changed.status, changed.body.error.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
  });

  it('restores the written-off coupon on a whole refund, not on a partial one', async () => {
    const { receiptNo, coupon } = await purchased(10_000, { coupon: true });
    expect((await refund(receiptNo, 'P1', 4_000)).body.couponsRestored).toEqual([]);
    expect((await CouponModel.findById(coupon?._id).lean())?.status).toBe('used');
    const rest = await refund(receiptNo, 'P2', 5_000);
    expect(rest.body).toMatchObject({ pointsClawedBack: 50, couponsRestored: [coupon?._id.toHexString()] });
    expect((await CouponModel.findById(coupon?._id).lean())?.status).toBe('available');
  });

  it('leaves the balance negative, explained, when the points were already spent', async () => {
    const { member, receiptNo } = await purchased(50_000);
    await spendPoints({ memberId: member._id.toHexString(), points: 400, idempotencyKey: `spent-${receiptNo}`, reasonCode: 'mall_redeem', reason: '积分兑换', reference: null }, { now: clock.now });
    expect((await refund(receiptNo, 'ALL', 50_000)).body.pointsClawedBack).toBe(500);
    expect(await balanceOf(member)).toBe(-400);
    const history = await app.http.post('/api/points.history').set('Authorization', await sessionFor(member, { now: clock.now })).send({});
    expect(history.body.items[0]).toMatchObject({ delta: -500 });
    expect(JSON.stringify(history.body.items[0])).toContain('余额为负');
  });

  it('settles a refund that arrived before its purchase when the purchase comes', async () => {
    const { member, receiptNo, send } = await purchased(30_000, { send: false });
    const early = await refund(receiptNo, 'EARLY', 30_000);
    expect(early.body).toMatchObject({ status: 'waiting_for_purchase', pointsClawedBack: 0 });
    expect((await send()).status).toBe(200);
    expect(await balanceOf(member)).toBe(0);
    expect(await spendOf(member)).toBe(0);
    expect((await refund(receiptNo, 'EARLY', 30_000)).body).toMatchObject({ status: 'settled', pointsClawedBack: 300 });
    expect(await PointsEntryModel.countDocuments({ memberId: member._id, kind: 'reverse' })).toBe(1);
  });

  it('never touches another till’s receipt of the same number', async () => {
    const { member, receiptNo } = await purchased(10_000);
    const otherTill = await buildIntegration();
    const probe = await refund(receiptNo, 'X1', 10_000, otherTill);
    expect(probe.body).toMatchObject({ status: 'waiting_for_purchase', pointsClawedBack: 0 });
    expect(await balanceOf(member)).toBe(100);
    expect((await PosPurchaseModel.findOne({ receiptNo }).lean())?.refundedFen).toBe(0);
  });
});

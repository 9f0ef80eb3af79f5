import { CouponModel } from '../coupons/Coupon.model';
import { jobs } from '../jobs/jobs';
import { MemberCodeModel } from '../memberCode/MemberCode.model';
import type { Member } from '../members/Member.model';
import { auditPointsAccount } from '../points/auditPointsAccount';
import { PointsAccountModel } from '../points/PointsAccount.model';
import { PointsEntryModel } from '../points/PointsEntry.model';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember } from '../test/factories';
import { buildIntegration, freshNonce, type TestIntegration } from '../test/integrationFactories';
import { buildMemberCoupon, memberCodeFor, purchaseBody } from '../test/posFactories';
import { rollingSpendFen } from '../tiers/rollingSpend';
import { posContextFrom } from './handlers';
import type { PosContext, PosFaultPoint } from './posContext';
import { PosPurchaseModel } from './PosPurchase.model';
import { PosRefundModel } from './PosRefund.model';
import { recordPurchase } from './recordPurchase';
import { recordRefund } from './recordRefund';

useTestDatabase();
const clock = { now: new Date('2026-06-10T04:00:00.000Z') };
let app: TestApp;
let till: TestIntegration;

class Crash extends Error {}

beforeAll(async () => {
  app = buildTestApp({ now: () => clock.now });
  till = await buildIntegration();
});

const principal = () => ({ integrationId: till.integration._id.toHexString(), keyId: till.keyId, kind: 'store' as const, storeId: till.store?._id.toHexString() ?? null });

/** The app's context for the till API, with a crash right after `point`. */
const crashingAt = async (point?: PosFaultPoint): Promise<PosContext> => ({
  ...(await posContextFrom({ deps: app.deps })),
  faults: { after: (reached) => {
    if (reached === point) throw new Crash(`crash after ${reached}`);
  } },
});

const settleJob = jobs.find((job) => job.name === 'pos.settle');

/** After the crash: a replay by the till, or (nobody replays) pos.settle once its due time has come. */
const RECOVERIES = ['replay', 'job'] as const;

async function expectWhole(member: Member, input: { receiptNo: string; couponId: string; code: string }): Promise<void> {
  expect(await PosPurchaseModel.findOne({ receiptNo: input.receiptNo }).lean()).toMatchObject({ state: 'settled', tierAfter: 'gold' });
  expect((await PointsAccountModel.findById(member._id).lean())?.balance).toBe(520);
  expect(await PointsEntryModel.countDocuments({ memberId: member._id, state: 'applied' })).toBe(1);
  expect(await rollingSpendFen(member._id.toHexString(), clock.now)).toBe(52_000);
  expect(await CouponModel.findById(input.couponId).lean()).toMatchObject({ status: 'used' });
  expect(await MemberCodeModel.findOne({ code: input.code }).lean()).toMatchObject({ usedByPurchaseKey: expect.stringContaining(input.receiptNo) });
  expect((await auditPointsAccount(member._id.toHexString())).consistent).toBe(true);
}

describe('a purchase that crashed half way is finished exactly once', () => {
  const points: PosFaultPoint[] = ['recorded', 'code_used', 'coupons_written_off', 'points_earned', 'spend_recorded'];
  it.each(points.flatMap((point) => RECOVERIES.map((recovery) => [point, recovery] as const)))('after %s, by %s', async (point, recovery) => {
    const member = await buildMember();
    const coupon = await buildMemberCoupon(member, clock.now);
    const code = await memberCodeFor(app.http, member, [coupon], clock.now);
    const body = purchaseBody(code.numericCode, `R-${freshNonce()}`, 53_000, { at: clock.now, discountFen: 1000, couponIds: [coupon._id.toHexString()] });
    const input = { ...body, discountFen: 1000, couponIds: [coupon._id.toHexString()] };
    await expect(recordPurchase(input, principal(), await crashingAt(point))).rejects.toBeInstanceOf(Crash);
    if (recovery === 'replay') {
      expect(await recordPurchase(input, principal(), await crashingAt())).toMatchObject({ pointsEarned: 520, member: { tierChanged: true } });
    } else {
      const start = clock.now;
      clock.now = new Date(start.getTime() + 2 * 60_000);
      try {
        await settleJob?.run(app.deps);
      } finally {
        clock.now = start;
      }
    }
    await expectWhole(member, { receiptNo: body.receiptNo, couponId: coupon._id.toHexString(), code: code.numericCode });
  });
});

describe('a refund that crashed half way is finished exactly once', () => {
  const points: PosFaultPoint[] = ['refund_claimed', 'refund_points_clawed', 'refund_spend_recorded'];
  it.each(points.flatMap((point) => RECOVERIES.map((recovery) => [point, recovery] as const)))('after %s, by %s', async (point, recovery) => {
    const member = await buildMember();
    const coupon = await buildMemberCoupon(member, clock.now);
    const code = await memberCodeFor(app.http, member, [coupon], clock.now);
    const body = purchaseBody(code.numericCode, `R-${freshNonce()}`, 11_000, { at: clock.now, discountFen: 1000, couponIds: [coupon._id.toHexString()] });
    await recordPurchase({ ...body, discountFen: 1000, couponIds: [coupon._id.toHexString()] }, principal(), await crashingAt());
    const refund = { receiptNo: body.receiptNo, refundNo: 'WHOLE', refundedAt: clock.now.toISOString(), refundFen: 10_000 };
    await expect(recordRefund(refund, principal(), await crashingAt(point))).rejects.toBeInstanceOf(Crash);
    if (recovery === 'replay') {
      expect(await recordRefund(refund, principal(), await crashingAt())).toMatchObject({ status: 'settled', pointsClawedBack: 100, couponsRestored: [coupon._id.toHexString()] });
    } else {
      const start = clock.now;
      clock.now = new Date(start.getTime() + 2 * 60_000);
      try {
        await settleJob?.run(app.deps);
      } finally {
        clock.now = start;
      }
    }
    expect(await PosRefundModel.findOne({ receiptNo: body.receiptNo }).lean()).toMatchObject({ state: 'settled', pointsClawedBack: 100 });
    expect((await PointsAccountModel.findById(member._id).lean())?.balance).toBe(0);
    expect(await rollingSpendFen(member._id.toHexString(), clock.now)).toBe(0);
    expect((await CouponModel.findById(coupon._id).lean())?.status).toBe('available');
    expect((await PosPurchaseModel.findOne({ receiptNo: body.receiptNo }).lean())?.refundedFen).toBe(10_000);
  });
});

describe('a purchase whose coupon was written off elsewhere between its check and its settling', () => {
  it('is refused and gives back the member code; its replay is refused the same way', async () => {
    const member = await buildMember();
    const coupon = await buildMemberCoupon(member, clock.now);
    const code = await memberCodeFor(app.http, member, [coupon], clock.now);
    const body = purchaseBody(code.numericCode, `R-${freshNonce()}`, 11_000, { at: clock.now, discountFen: 1000, couponIds: [coupon._id.toHexString()] });
    const input = { ...body, discountFen: 1000, couponIds: [coupon._id.toHexString()] };
    await expect(recordPurchase(input, principal(), await crashingAt('recorded'))).rejects.toBeInstanceOf(Crash);
    await CouponModel.updateOne({ _id: coupon._id }, { $set: { status: 'used', usedAt: clock.now } }); // the staff scanned its own QR
    await expect(recordPurchase(input, principal(), await crashingAt())).rejects.toMatchObject({ code: 'COUPON_NOT_AVAILABLE' });
    await expect(recordPurchase(input, principal(), await crashingAt())).rejects.toMatchObject({ code: 'COUPON_NOT_AVAILABLE' });
    expect(await MemberCodeModel.findOne({ code: code.numericCode }).lean()).toMatchObject({ usedByPurchaseKey: null });
    expect((await PointsAccountModel.findById(member._id).lean())?.balance ?? 0).toBe(0);
  });
});

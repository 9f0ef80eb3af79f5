import { jobs } from '../jobs/jobs';
import { MemberCodeModel } from '../memberCode/MemberCode.model';
import type { Member } from '../members/Member.model';
import { auditPointsAccount } from '../points/auditPointsAccount';
import { PointsAccountModel } from '../points/PointsAccount.model';
import { PointsEntryModel } from '../points/PointsEntry.model';
import { spendPoints } from '../points/spendPoints';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildPointsLot, sessionFor } from '../test/factories';
import { buildIntegration, freshNonce, signedPost, type TestIntegration } from '../test/integrationFactories';
import { memberCodeFor, purchaseBody } from '../test/posFactories';
import { saveTestSettings } from '../test/settings';
import { rollingSpendFen } from '../tiers/rollingSpend';
import { posContextFrom } from './handlers';
import type { PosContext, PosFaultPoint } from './posContext';
import { PosPurchaseModel, posRedeemKey } from './PosPurchase.model';
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

const STARTING_POINTS = 20_000;
const balanceOf = async (member: Member): Promise<number> => (await PointsAccountModel.findById(member._id).lean())?.balance ?? 0;
const memberWithPoints = async (): Promise<Member> => (await buildPointsLot({ points: STARTING_POINTS, earnedAt: clock.now })).member;
const principal = () => ({ integrationId: till.integration._id.toHexString(), keyId: till.keyId, kind: 'store' as const, storeId: till.store?._id.toHexString() ?? null });
const crashingAt = async (point?: PosFaultPoint): Promise<PosContext> => ({
  ...(await posContextFrom({ deps: app.deps })),
  faults: { after: (reached) => {
    if (reached === point) throw new Crash(`crash after ${reached}`);
  } },
});
const settleJob = jobs.find((job) => job.name === 'pos.settle');

/** A ¥100 bill of which `points` pay (at 100 points a yuan) and money pays the rest. */
async function bill(member: Member, points: number, options: { paidFen?: number } = {}) {
  const code = await memberCodeFor(app.http, member, [], clock.now);
  const body = purchaseBody(code.numericCode, `R-${freshNonce()}`, 10_000, { at: clock.now });
  return { code, body: { ...body, pointsToRedeem: points, paidFen: options.paidFen ?? 10_000 - points } };
}

describe('points as payment, while the brand does not allow it (the default)', () => {
  it('is refused and records nothing; identify tells the till points cannot pay', async () => {
    const member = await memberWithPoints();
    const { code, body } = await bill(member, 1000);
    const identified = await signedPost(app.http, till, 'pos.identify', { memberCode: code.token }, { at: clock.now });
    expect(identified.body.pointsPayment).toBeNull();
    const refused = await signedPost(app.http, till, 'pos.purchase', body, { at: clock.now });
    expect([refused.status, refused.body.error.code, refused.body.error.message]).toEqual([422, 'POS_POINTS_PAYMENT_DISABLED', '本品牌暂不支持积分抵现']);
    expect(await PosPurchaseModel.countDocuments({ memberId: member._id })).toBe(0);
    expect(await balanceOf(member)).toBe(STARTING_POINTS);
  });
});

describe('points as payment at the till, when the settings allow it (100 points a yuan, at most half the bill)', () => {
  beforeAll(async () => {
    await saveTestSettings(app.deps, { points: { payment: { pointsPerYuan: 100, maxSharePercent: 50 } } }, { from: new Date(clock.now.getTime() - 60_000) });
  });

  it('identify tells the till the rate and the share', async () => {
    const member = await memberWithPoints();
    const { code } = await bill(member, 0);
    const identified = await signedPost(app.http, till, 'pos.identify', { memberCode: code.token }, { at: clock.now });
    expect(identified.body.pointsPayment).toEqual({ pointsPerYuan: 100, maxSharePercent: 50 });
  });

  it('refuses more than the share, amounts that ignore the points, and more points than the balance: nothing recorded', async () => {
    const member = await memberWithPoints();
    const tooHigh = await signedPost(app.http, till, 'pos.purchase', (await bill(member, 5001)).body, { at: clock.now });
    expect([tooHigh.status, tooHigh.body.error.code]).toEqual([422, 'POS_POINTS_PAYMENT_TOO_HIGH']);
    const unpaid = await signedPost(app.http, till, 'pos.purchase', (await bill(member, 3000, { paidFen: 10_000 })).body, { at: clock.now });
    expect([unpaid.status, unpaid.body.error.code]).toEqual([422, 'POS_AMOUNTS_MISMATCH']);
    await spendPoints({ memberId: member._id.toHexString(), points: STARTING_POINTS - 2000, idempotencyKey: `elsewhere:${freshNonce()}`, reasonCode: 'test', reason: '测试', reference: null }, { now: clock.now });
    const short = await signedPost(app.http, till, 'pos.purchase', (await bill(member, 3000)).body, { at: clock.now });
    expect([short.status, short.body.error.code]).toEqual([409, 'POINTS_INSUFFICIENT']);
    expect(await PosPurchaseModel.countDocuments({ memberId: member._id })).toBe(0);
    expect(await balanceOf(member)).toBe(2000);
  });

  it('takes the points once however often the receipt is sent at once, earns on the money paid, and tells the member why', async () => {
    const member = await memberWithPoints();
    const { body } = await bill(member, 3000);
    const answers = await Promise.all(Array.from({ length: 10 }, () => signedPost(app.http, till, 'pos.purchase', body, { at: clock.now })));
    expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 10 }, () => 200));
    expect(answers[0]?.body).toMatchObject({ paidFen: 7000, pointsEarned: 70, pointsRedeemed: 3000, pointsRedeemedFen: 3000 });
    expect(await PointsEntryModel.countDocuments({ key: posRedeemKey((await PosPurchaseModel.findOne({ receiptNo: body.receiptNo }).lean())!._id), state: 'applied' })).toBe(1);
    expect(await balanceOf(member)).toBe(STARTING_POINTS - 3000 + 70);
    expect(await rollingSpendFen(member._id.toHexString(), clock.now)).toBe(7000);
    const history = await app.http.post('/api/points.history').set('Authorization', await sessionFor(member, { now: clock.now })).send({});
    expect(history.body.items.map((item: { delta: number; reason: string }) => [item.delta, item.reason])).toEqual(
      expect.arrayContaining([[-3000, expect.stringContaining('积分抵现 ¥30')], [70, expect.stringContaining('获得积分')]]),
    );
    expect((await auditPointsAccount(member._id.toHexString())).consistent).toBe(true);
  });

  it('a half refund gives back half the points that paid and takes back half of those earned; the rest squares both exactly', async () => {
    const member = await memberWithPoints();
    const { body } = await bill(member, 3333);
    expect((await signedPost(app.http, till, 'pos.purchase', body, { at: clock.now })).body).toMatchObject({ paidFen: 6667, pointsEarned: 66, pointsRedeemed: 3333 });
    const half = { receiptNo: body.receiptNo, refundNo: 'HALF', refundedAt: clock.now.toISOString(), refundFen: 3333 };
    const first = await signedPost(app.http, till, 'pos.refund', half, { at: clock.now });
    expect(first.body).toMatchObject({ status: 'settled', pointsReturned: 1666, pointsClawedBack: 32 });
    expect((await signedPost(app.http, till, 'pos.refund', half, { at: clock.now })).body).toMatchObject({ pointsReturned: 1666 });
    const rest = await signedPost(app.http, till, 'pos.refund', { ...half, refundNo: 'REST', refundFen: 3334 }, { at: clock.now });
    expect(rest.body).toMatchObject({ status: 'settled', pointsReturned: 1667, pointsClawedBack: 34 });
    expect(await balanceOf(member)).toBe(STARTING_POINTS);
    expect((await auditPointsAccount(member._id.toHexString())).consistent).toBe(true);
  });

  it('a balance spent elsewhere between the check and the settling refuses the purchase and gives back its code', async () => {
    const member = await memberWithPoints();
    const { code, body } = await bill(member, 3000);
    await expect(recordPurchase(body, principal(), await crashingAt('recorded'))).rejects.toBeInstanceOf(Crash);
    await spendPoints({ memberId: member._id.toHexString(), points: STARTING_POINTS - 1000, idempotencyKey: `elsewhere:${freshNonce()}`, reasonCode: 'test', reason: '测试', reference: null }, { now: clock.now });
    await expect(recordPurchase(body, principal(), await crashingAt())).rejects.toMatchObject({ code: 'POINTS_INSUFFICIENT' });
    await expect(recordPurchase(body, principal(), await crashingAt())).rejects.toMatchObject({ code: 'POINTS_INSUFFICIENT' });
    expect(await PosPurchaseModel.findOne({ receiptNo: body.receiptNo }).lean()).toMatchObject({ state: 'refused', refusal: 'POINTS_INSUFFICIENT' });
    expect(await MemberCodeModel.findOne({ code: code.numericCode }).lean()).toMatchObject({ usedByPurchaseKey: null });
    expect(await balanceOf(member)).toBe(1000);
  });

  const RECOVERIES = ['replay', 'job'] as const;
  const recover = async (replay: () => Promise<unknown>, recovery: (typeof RECOVERIES)[number]): Promise<void> => {
    if (recovery === 'replay') {
      await replay();
      return;
    }
    const start = clock.now;
    clock.now = new Date(start.getTime() + 2 * 60_000);
    try {
      await settleJob?.run(app.deps);
    } finally {
      clock.now = start;
    }
  };

  const purchasePoints: PosFaultPoint[] = ['recorded', 'code_used', 'coupons_written_off', 'points_redeemed', 'points_earned', 'spend_recorded'];
  it.each(purchasePoints.flatMap((point) => RECOVERIES.map((recovery) => [point, recovery] as const)))('a purchase paid partly in points that crashed after %s is finished by %s, the points taken once', async (point, recovery) => {
    const member = await memberWithPoints();
    const { body } = await bill(member, 3000);
    await expect(recordPurchase(body, principal(), await crashingAt(point))).rejects.toBeInstanceOf(Crash);
    const context = await crashingAt();
    await recover(() => recordPurchase(body, principal(), context), recovery);
    expect(await PosPurchaseModel.findOne({ receiptNo: body.receiptNo }).lean()).toMatchObject({ state: 'settled', pointsRedeemed: 3000 });
    expect(await balanceOf(member)).toBe(STARTING_POINTS - 3000 + 70);
    expect((await auditPointsAccount(member._id.toHexString())).consistent).toBe(true);
  });

  const refundPoints: PosFaultPoint[] = ['refund_claimed', 'refund_points_clawed', 'refund_points_returned', 'refund_spend_recorded'];
  it.each(refundPoints.flatMap((point) => RECOVERIES.map((recovery) => [point, recovery] as const)))('a half refund that crashed after %s is finished by %s, the points given back once', async (point, recovery) => {
    const member = await memberWithPoints();
    const { body } = await bill(member, 3000);
    await recordPurchase(body, principal(), await crashingAt());
    const refund = { receiptNo: body.receiptNo, refundNo: 'HALF', refundedAt: clock.now.toISOString(), refundFen: 3500 };
    await expect(recordRefund(refund, principal(), await crashingAt(point))).rejects.toBeInstanceOf(Crash);
    const context = await crashingAt();
    await recover(() => recordRefund(refund, principal(), context), recovery);
    expect((await recordRefund(refund, principal(), await crashingAt()))).toMatchObject({ status: 'settled', pointsReturned: 1500, pointsClawedBack: 35 });
    expect(await balanceOf(member)).toBe(STARTING_POINTS - 3000 + 70 + 1500 - 35);
    expect((await auditPointsAccount(member._id.toHexString())).consistent).toBe(true);
  });
});

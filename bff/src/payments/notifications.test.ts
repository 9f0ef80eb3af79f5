import { generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import { buildTestApp, testConfig, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildPointsLot, sessionFor } from '../test/factories';
import { buildCouponTemplate, buildMallItem } from '../test/mallFactories';
import { usePaySandbox } from '../test/paySandbox';
import { paidTransactionResource, refundSuccessResource, signedPayNotification, type SignedNotification } from '../test/payNotifications';
import { CouponModel } from '../coupons/Coupon.model';
import type { Member } from '../members/Member.model';
import { MallItemModel } from '../mall/MallItem.model';
import { RedemptionLimitModel } from '../mall/RedemptionLimit.model';
import { MallOrderModel, type MallOrder } from '../orders/MallOrder.model';
import { pointsClawbackKey, pointsEarnKey, pointsReturnKey, pointsSpendKey } from '../orders/orderContext';
import { auditPointsAccount } from '../points/auditPointsAccount';
import { PointsEntryModel } from '../points/PointsEntry.model';

useTestDatabase();
const sandbox = usePaySandbox();
let app: TestApp;
let keySeq = 0;

beforeAll(() => {
  app = buildTestApp({ config: testConfig(sandbox().config) });
  sandbox().serve(app.server);
});

const deliver = (notification: SignedNotification) => request(app.server).post('/wechat/pay/notify').set(notification.headers).send(notification.body);

async function cashOrder(options: { points?: number; kind?: 'coupon' | 'service' } = {}): Promise<{ member: Member; order: MallOrder }> {
  const template = await buildCouponTemplate();
  const item = await buildMallItem({ pointsPrice: 100, cashFen: 2000, kind: options.kind ?? 'coupon', couponTemplateCode: template.code });
  const { member } = await buildPointsLot({ points: options.points ?? 500 });
  const redeemed = await app.http
    .post('/api/mall.redeem')
    .set('Authorization', await sessionFor(member))
    .send({ itemId: item._id.toHexString(), idempotencyKey: `notify-order-${(keySeq += 1)}` });
  expect(redeemed.body.order?.status).toBe('awaiting_payment');
  const order = await MallOrderModel.findById(redeemed.body.order.id).lean();
  if (!order) throw new Error('order not stored');
  return { member, order };
}

const entries = (key: string) => PointsEntryModel.countDocuments({ key, state: 'applied' });

describe('POST /wechat/pay/notify', () => {
  it('ten deliveries, concurrent and out of order: one payment, one fulfilment, one earn; a refund claws back exactly once', async () => {
    const { member, order } = await cashOrder();
    const id = order._id.toHexString();
    const memberId = member._id.toHexString();
    const refundNo = `R${order.orderNo}`;

    // A refund notification before the order was even paid (out of order): acknowledged, ignored.
    const early = await deliver(signedPayNotification(sandbox().keys, { eventType: 'REFUND.SUCCESS', originalType: 'refund', resource: refundSuccessResource(sandbox().keys, { outTradeNo: order.orderNo, outRefundNo: refundNo, amountFen: 2000 }) }));
    expect(early.status).toBe(204);
    expect((await MallOrderModel.findById(id).lean())?.status).toBe('awaiting_payment');

    // The genuine delivery and nine duplicates, all at once.
    const { notificationId } = sandbox().pay.pay(order.orderNo);
    const [outcome, ...duplicates] = await Promise.all([sandbox().pay.settled(notificationId), ...Array.from({ length: 9 }, () => sandbox().pay.duplicate(notificationId))]);
    expect(outcome).toEqual({ delivered: true, attempts: 1 });
    expect(duplicates.map((delivery) => delivery.status)).toEqual(Array(9).fill(204));

    const paid = await MallOrderModel.findById(id).lean();
    expect(paid).toMatchObject({ status: 'fulfilled', pointsEarned: 20, flags: [] });
    expect(paid?.payment?.amountFen).toBe(2000);
    expect(await CouponModel.countDocuments({ memberId: member._id, source: 'redemption' })).toBe(1);
    expect(await entries(pointsSpendKey(id))).toBe(1);
    expect(await entries(pointsEarnKey(id))).toBe(1);
    expect(await auditPointsAccount(memberId)).toMatchObject({ balance: 420, ledgerSum: 420, consistent: true });

    const refund = await app.http.post('/api/orders.refund').set('Authorization', await sessionFor(member)).send({ orderId: id });
    expect(refund.body.order.status).toBe('refunding');
    // The payment notification again while the refund is under way: nothing changes, nothing is flagged.
    expect((await sandbox().pay.duplicate(notificationId)).status).toBe(204);
    expect(await MallOrderModel.findById(id).lean()).toMatchObject({ status: 'refunding', flags: [] });

    const settled = sandbox().pay.settleRefund(refundNo, 'SUCCESS');
    const refundNotification = settled.notificationId ?? '';
    const [refundOutcome, ...late] = await Promise.all([
      sandbox().pay.settled(refundNotification),
      sandbox().pay.duplicate(refundNotification),
      sandbox().pay.duplicate(notificationId),
      sandbox().pay.duplicate(refundNotification),
      sandbox().pay.duplicate(notificationId),
    ]);
    expect(refundOutcome.delivered).toBe(true);
    expect(late.map((delivery) => delivery.status)).toEqual([204, 204, 204, 204]);

    expect(await MallOrderModel.findById(id).lean()).toMatchObject({ status: 'refunded', flags: [], refund: { status: 'SUCCESS' } });
    expect(await entries(pointsReturnKey(id))).toBe(1);
    expect(await entries(pointsClawbackKey(id))).toBe(1);
    expect(await entries(pointsEarnKey(id))).toBe(1);
    expect(await auditPointsAccount(memberId)).toMatchObject({ balance: 500, ledgerSum: 500, consistent: true });
    expect(await CouponModel.countDocuments({ memberId: member._id, source: 'redemption', status: 'void' })).toBe(1);
    expect(await MallItemModel.findById(order.itemId).lean()).toMatchObject({ stock: 10, reservedOrders: [] });
    expect((await RedemptionLimitModel.findById(order.limitKey).lean())?.count).toBe(0);
  });

  it('a refund WeChat settles as ABNORMAL stays 退款中, flagged once for ops, with nothing given back yet', async () => {
    const { member, order } = await cashOrder();
    const id = order._id.toHexString();
    const { notificationId } = sandbox().pay.pay(order.orderNo);
    await sandbox().pay.settled(notificationId);
    const auth = await sessionFor(member);
    expect((await app.http.post('/api/orders.refund').set('Authorization', auth).send({ orderId: id })).body.order.status).toBe('refunding');

    const settled = sandbox().pay.settleRefund(`R${order.orderNo}`, 'ABNORMAL');
    await sandbox().pay.settled(settled.notificationId ?? '');
    await sandbox().pay.duplicate(settled.notificationId ?? '');

    const stuck = await MallOrderModel.findById(id).lean();
    expect(stuck).toMatchObject({ status: 'refunding', refund: { status: 'ABNORMAL' } });
    expect(stuck?.flags.map((flag) => flag.reason)).toEqual(['refund_abnormal']);
    expect(await entries(pointsReturnKey(id))).toBe(0);
    expect(await auditPointsAccount(member._id.toHexString())).toMatchObject({ balance: 420, consistent: true });
  });

  it('a refund notification for another amount is flagged and not believed: the refund stays as WeChat reports it', async () => {
    const { member, order } = await cashOrder();
    const id = order._id.toHexString();
    const { notificationId } = sandbox().pay.pay(order.orderNo);
    await sandbox().pay.settled(notificationId);
    await app.http.post('/api/orders.refund').set('Authorization', await sessionFor(member)).send({ orderId: id });

    const wrongAmount = signedPayNotification(sandbox().keys, {
      eventType: 'REFUND.SUCCESS',
      originalType: 'refund',
      resource: refundSuccessResource(sandbox().keys, { outTradeNo: order.orderNo, outRefundNo: `R${order.orderNo}`, amountFen: 1 }),
    });
    expect((await deliver(wrongAmount)).status).toBe(204);

    const after = await MallOrderModel.findById(id).lean();
    // WeChat (the sandbox) has not settled this refund: it is still PROCESSING, so nothing is given back yet.
    expect(after).toMatchObject({ status: 'refunding', refund: { status: 'PROCESSING' } });
    expect(after?.flags.map((flag) => flag.reason)).toEqual(['refund_amount_mismatch']);
    expect(await entries(pointsReturnKey(id))).toBe(0);
  });

  it('forged, tampered, stale and probe deliveries are refused with 401 and change nothing', async () => {
    const { member, order } = await cashOrder({ kind: 'service' });
    const resource = paidTransactionResource(sandbox().keys, { outTradeNo: order.orderNo, amountFen: 2000, openid: member.openid });
    const notification = { eventType: 'TRANSACTION.SUCCESS', originalType: 'transaction' as const, resource };
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

    const forged = signedPayNotification(sandbox().keys, { ...notification, signingKeyPem: otherKey });
    const genuine = signedPayNotification(sandbox().keys, notification);
    const tampered = { headers: genuine.headers, body: genuine.body.replace('支付成功', '支付成功 ') };
    const stale = signedPayNotification(sandbox().keys, { ...notification, signedAt: new Date(Date.now() - 10 * 60_000) });
    for (const attempt of [forged, tampered, stale]) {
      const response = await deliver(attempt);
      expect([response.status, response.body.code]).toEqual([401, 'FAIL']);
    }
    const unchanged = await MallOrderModel.findById(order._id).lean();
    expect(unchanged).toMatchObject({ status: 'awaiting_payment', payment: null, flags: [], pointsEarned: 0 });
    expect(await auditPointsAccount(member._id.toHexString())).toMatchObject({ balance: 400, consistent: true });

    // The real payment goes through; a stale replay and a signature probe of it are refused too.
    const { notificationId } = sandbox().pay.pay(order.orderNo);
    await sandbox().pay.settled(notificationId);
    expect((await sandbox().pay.replay(notificationId, 600)).status).toBe(401);
    expect((await sandbox().pay.probe(notificationId)).status).toBe(401);
    expect(await MallOrderModel.findById(order._id).lean()).toMatchObject({ status: 'fulfilled', pointsEarned: 20 });
    expect(await entries(pointsEarnKey(order._id.toHexString()))).toBe(1);
  });

  it('an amount that differs from the order is flagged once for ops and not fulfilled', async () => {
    const { member, order } = await cashOrder();
    const mismatch = { eventType: 'TRANSACTION.SUCCESS', originalType: 'transaction' as const, resource: paidTransactionResource(sandbox().keys, { outTradeNo: order.orderNo, amountFen: 1, openid: member.openid }) };
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await deliver(signedPayNotification(sandbox().keys, mismatch))).status).toBe(204);
    }
    const flagged = await MallOrderModel.findById(order._id).lean();
    expect(flagged).toMatchObject({ status: 'awaiting_payment', payment: null, fulfilment: null, pointsEarned: 0 });
    expect(flagged?.flags).toEqual([expect.objectContaining({ reason: 'amount_mismatch', detail: 'expected 2000, got 1' })]);
    expect(await CouponModel.countDocuments({ memberId: member._id })).toBe(0);
    expect(await entries(pointsEarnKey(order._id.toHexString()))).toBe(0);
  });
});

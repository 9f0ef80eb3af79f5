import { buildTestApp, testConfig, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildPointsLot, sessionFor } from '../test/factories';
import { buildMallItem } from '../test/mallFactories';
import { usePaySandbox } from '../test/paySandbox';
import { MallOrderModel } from '../orders/MallOrder.model';
import { PointsAccountModel } from '../points/PointsAccount.model';
import { MallItemModel } from '../mall/MallItem.model';
import { auditPointsAccount } from '../points/auditPointsAccount';

useTestDatabase();
const sandbox = usePaySandbox();
let app: TestApp;

beforeAll(() => {
  app = buildTestApp({ config: testConfig(sandbox().config) });
  sandbox().serve(app.server);
});

describe('points + cash through the WeChat Pay sandbox', () => {
  it('prepay -> pay -> signed notification fulfils once; duplicates and replays change nothing; refund returns all', async () => {
    const item = await buildMallItem({ pointsPrice: 100, cashFen: 2000 });
    const { member } = await buildPointsLot({ points: 500 });
    const memberId = member._id.toHexString();
    const auth = await sessionFor(member);
    const redeemed = await app.http.post('/api/mall.redeem').set('Authorization', auth).send({ itemId: item._id.toHexString(), idempotencyKey: 'cash-order-1' });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.order.status).toBe('awaiting_payment');
    expect(redeemed.body.payment).toMatchObject({ signType: 'RSA', outTradeNo: redeemed.body.order.orderNo });

    sandbox().pay.pay(redeemed.body.order.orderNo);
    const first = sandbox().pay.lastNotificationId() as string;
    await sandbox().pay.settled(first);
    const order = await MallOrderModel.findById(redeemed.body.order.id).lean();
    expect(order?.status).toBe('fulfilled');
    expect(order?.pointsEarned).toBe(20);
    expect((await PointsAccountModel.findById(memberId).lean())?.balance).toBe(500 - 100 + 20);

    // A duplicate is acknowledged and applied as the no-op it is; a replay signed ten minutes ago is refused.
    expect((await sandbox().pay.duplicate(first)).status).toBe(204);
    expect((await sandbox().pay.replay(first, 600)).status).toBe(401);
    expect(await MallOrderModel.findById(redeemed.body.order.id).lean()).toMatchObject({ status: 'fulfilled', pointsEarned: 20, flags: [] });
    expect((await PointsAccountModel.findById(memberId).lean())?.balance).toBe(420);
    expect((await MallItemModel.findById(item._id).lean())?.stock).toBe(9);

    // WeChat takes the refund (PROCESSING), then settles it and notifies: the notification's effect is awaited.
    const refund = await app.http.post('/api/orders.refund').set('Authorization', auth).send({ orderId: redeemed.body.order.id });
    expect(refund.status).toBe(200);
    expect(refund.body.order.status).toBe('refunding');
    const { notificationId } = sandbox().pay.settleRefund(`R${redeemed.body.order.orderNo}`, 'SUCCESS');
    expect(await sandbox().pay.settled(notificationId ?? '')).toEqual({ delivered: true, attempts: 1 });
    const shown = await app.http.post('/api/orders.get').set('Authorization', auth).send({ orderId: redeemed.body.order.id });
    expect(shown.body.order.status).toBe('refunded');
    expect(await auditPointsAccount(memberId)).toMatchObject({ balance: 500, ledgerSum: 500, consistent: true });
    expect(await MallItemModel.findById(item._id).lean()).toMatchObject({ stock: 10, reservedOrders: [] });
    expect(sandbox().pay.refund(`R${redeemed.body.order.orderNo}`)).toMatchObject({ refund_status: 'SUCCESS' });
  });

  it('cancelling an unpaid order closes the prepay and returns points and stock', async () => {
    const item = await buildMallItem({ pointsPrice: 100, cashFen: 990 });
    const { member } = await buildPointsLot({ points: 300 });
    const auth = await sessionFor(member);
    const redeemed = await app.http.post('/api/mall.redeem').set('Authorization', auth).send({ itemId: item._id.toHexString(), idempotencyKey: 'cash-order-2' });
    expect(redeemed.body.order.actions).toMatchObject({ canPay: true, canCancel: true });
    const cancelled = await app.http.post('/api/orders.cancel').set('Authorization', auth).send({ orderId: redeemed.body.order.id });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.order).toMatchObject({ status: 'cancelled', cancelReasonText: '你已取消订单' });
    expect((await PointsAccountModel.findById(member._id).lean())?.balance).toBe(300);
    expect((await MallItemModel.findById(item._id).lean())?.stock).toBe(10);
  });
});

import { buildTestApp, testConfig, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildPointsLot, sessionFor } from '../test/factories';
import { buildMallItem } from '../test/mallFactories';
import { usePaySandbox } from '../test/paySandbox';
import { MallOrderModel } from '../orders/MallOrder.model';
import { PointsAccountModel } from '../points/PointsAccount.model';
import { MallItemModel } from '../mall/MallItem.model';

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

    await sandbox().pay.duplicate(first);
    const replay = await sandbox().pay.replay(first, 600);
    expect(replay).toBeTruthy();
    expect((await PointsAccountModel.findById(memberId).lean())?.balance).toBe(420);
    expect((await MallItemModel.findById(item._id).lean())?.stock).toBe(9);

    const refund = await app.http.post('/api/orders.refund').set('Authorization', auth).send({ orderId: redeemed.body.order.id });
    expect(refund.status).toBe(200);
    expect(['refunding', 'refunded']).toContain(refund.body.order.status);
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

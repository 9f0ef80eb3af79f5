import { buildTestApp, testConfig, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildPointsLot, sessionFor } from '../test/factories';
import { buildMallItem } from '../test/mallFactories';
import { usePaySandbox } from '../test/paySandbox';
import { auditPointsAccount } from '../points/auditPointsAccount';
import { MallOrderModel } from './MallOrder.model';

useTestDatabase();
// Notifications are not served (503): what the member learns of a payment comes from orders.confirmPayment.
const sandbox = usePaySandbox();
const MINUTE = 60_000;
// The sandbox keeps real time (prepays expire by it), so the BFF's clock starts now.
const clock = { now: new Date() };
let app: TestApp;
let keySeq = 0;

beforeAll(() => {
  app = buildTestApp({ config: testConfig(sandbox().config), now: () => clock.now });
});

async function member(): Promise<{ memberId: string; auth: string }> {
  const { member: built } = await buildPointsLot({ points: 500, earnedAt: clock.now });
  return { memberId: built._id.toHexString(), auth: await sessionFor(built, { now: clock.now }) };
}

async function redeem(auth: string, options: { cashFen?: number } = {}) {
  const item = await buildMallItem({ pointsPrice: 100, cashFen: options.cashFen ?? 2000, stock: 10 });
  return app.http.post('/api/mall.redeem').set('Authorization', auth).send({ itemId: item._id.toHexString(), idempotencyKey: `pay-route-${(keySeq += 1)}` });
}

const post = (route: 'orders.pay' | 'orders.confirmPayment', auth: string | null, body: unknown) => {
  const request = app.http.post(`/api/${route}`);
  return (auth ? request.set('Authorization', auth) : request).send(body as object);
};

describe.each(['orders.pay', 'orders.confirmPayment'] as const)('%s refusals', (route) => {
  it('401 without a session, 400 for a bad body, 404 for an order that is not the caller\'s', async () => {
    const buyer = await member();
    const stranger = await member();
    const orderId: string = (await redeem(buyer.auth)).body.order.id;

    expect((await post(route, null, { orderId })).status).toBe(401);
    for (const body of [{}, { orderId: 'nope' }, { orderId, extra: 1 }]) {
      const refused = await post(route, buyer.auth, body);
      expect([refused.status, refused.body.error?.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const foreign = await post(route, stranger.auth, { orderId });
    expect([foreign.status, foreign.body.error?.code]).toEqual([404, 'NOT_FOUND']);
    expect((await post(route, buyer.auth, { orderId: '0123456789abcdef01234567' })).status).toBe(404);
    expect((await MallOrderModel.findById(orderId).lean())?.status).toBe('awaiting_payment');
  });
});

describe('orders.pay', () => {
  it('200: the payment parameters again, which WeChat accepts; orders.confirmPayment then finds the payment', async () => {
    const buyer = await member();
    const redeemed = await redeem(buyer.auth);
    const orderId: string = redeemed.body.order.id;

    const again = await post('orders.pay', buyer.auth, { orderId });
    expect(again.status).toBe(200);
    expect(again.body.order).toMatchObject({ id: orderId, status: 'awaiting_payment', actions: { canPay: true, canCancel: true } });
    expect(again.body.payment).toEqual(redeemed.body.payment);

    const unpaid = await post('orders.confirmPayment', buyer.auth, { orderId });
    expect([unpaid.status, unpaid.body.order.status]).toEqual([200, 'awaiting_payment']);

    const { notificationId } = sandbox().pay.requestPayment({ ...again.body.payment, appId: sandbox().keys.appid });
    expect((await sandbox().pay.settled(notificationId)).delivered).toBe(false);
    const confirmed = await post('orders.confirmPayment', buyer.auth, { orderId });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.order).toMatchObject({ status: 'fulfilled', pointsEarned: 20, actions: { canPay: false, canCancel: false } });
    expect(await auditPointsAccount(buyer.memberId)).toMatchObject({ balance: 500 - 100 + 20, consistent: true });

    // Confirming again changes nothing; paying again is refused.
    expect((await post('orders.confirmPayment', buyer.auth, { orderId })).body.order.status).toBe('fulfilled');
    const paid = await post('orders.pay', buyer.auth, { orderId });
    expect([paid.status, paid.body.error?.code]).toEqual([409, 'ORDER_NOT_PAYABLE']);
    expect(await auditPointsAccount(buyer.memberId)).toMatchObject({ balance: 420, consistent: true });
  });

  it('200: asks WeChat for the prepay that failed when the order was placed', async () => {
    const buyer = await member();
    sandbox().pay.failNext('jsapi', { status: 500, code: 'SYSTEM_ERROR' }, 1);
    const redeemed = await redeem(buyer.auth);
    expect([redeemed.status, redeemed.body.error?.code]).toEqual([503, 'PAYMENT_FAILED']);
    const stored = await MallOrderModel.findOne({ buyerMemberId: buyer.memberId }).lean();
    expect(stored).toMatchObject({ status: 'stock_reserved', prepay: null });

    const paying = await post('orders.pay', buyer.auth, { orderId: stored?._id.toHexString() });
    expect(paying.status).toBe(200);
    expect(paying.body.order.status).toBe('awaiting_payment');
    expect(paying.body.payment).toMatchObject({ signType: 'RSA', outTradeNo: stored?.orderNo });
    expect(sandbox().pay.order(stored?.orderNo ?? '')).toMatchObject({ trade_state: 'NOTPAY' });
  });

  it('409 ORDER_NOT_PAYABLE for a points-only order, a cancelled one and one past its payment window', async () => {
    const buyer = await member();
    const pointsOnly = await redeem(buyer.auth, { cashFen: 0 });
    expect(pointsOnly.body.order.status).toBe('fulfilled');
    const cancelled = await redeem(buyer.auth);
    expect((await app.http.post('/api/orders.cancel').set('Authorization', buyer.auth).send({ orderId: cancelled.body.order.id })).body.order.status).toBe('cancelled');
    const lapsed = await redeem(buyer.auth);

    clock.now = new Date(clock.now.getTime() + 16 * MINUTE);
    for (const orderId of [pointsOnly.body.order.id, cancelled.body.order.id, lapsed.body.order.id]) {
      const refused = await post('orders.pay', buyer.auth, { orderId });
      expect([refused.status, refused.body.error?.code]).toEqual([409, 'ORDER_NOT_PAYABLE']);
    }
    // Not paid: confirming reports the order as it is.
    expect((await post('orders.confirmPayment', buyer.auth, { orderId: lapsed.body.order.id })).body.order.status).toBe('awaiting_payment');
  });
});

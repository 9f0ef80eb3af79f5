import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildPointsLot, sessionFor } from '../test/factories';
import { buildMallItem } from '../test/mallFactories';
import type { MallItem } from '../mall/MallItem.model';
import { MallOrderModel, type MallOrder } from './MallOrder.model';
import type { OrderContext, OrderFaultPoint } from './orderContext';
import { orderContextFrom } from './orderContextFrom';
import { fulfilOrder } from './fulfilOrder';
import { placeOrder } from './placeOrder';
import { sweepOrders } from './sweepOrders';

useTestDatabase();
const MINUTE = 60_000;
const clock = { now: new Date() };
let app: TestApp;
let keySeq = 0;

beforeAll(() => {
  app = buildTestApp({ now: () => clock.now });
});

const charityItem = (): Promise<MallItem> => buildMallItem({ kind: 'charity', title: '为山区孩子捐一本书', pointsPrice: 100, cashFen: 0, stock: 100 });

/** A member donates through the API; returns the certificate number the member is shown. */
async function donate(item: MallItem): Promise<string> {
  const { member } = await buildPointsLot({ points: 500, earnedAt: clock.now });
  const auth = await sessionFor(member, { now: clock.now });
  const redeemed = await app.http.post('/api/mall.redeem').set('Authorization', auth).send({ itemId: item._id.toHexString(), idempotencyKey: `donation-${(keySeq += 1)}` });
  expect([redeemed.status, redeemed.body.order?.status, redeemed.body.order?.fulfilment?.type]).toEqual([200, 'fulfilled', 'donation']);
  const shown = await app.http.post('/api/orders.get').set('Authorization', auth).send({ orderId: redeemed.body.order.id });
  expect(shown.body.order.fulfilment.certificateNo).toBe(redeemed.body.order.fulfilment.certificateNo);
  return shown.body.order.fulfilment.certificateNo;
}

class Crash extends Error {}
const crashingAt = async (point: OrderFaultPoint): Promise<OrderContext> => ({
  ...(await orderContextFrom(app.deps)),
  faults: { after: (reached) => {
    if (reached === point) throw new Crash(`crash after ${reached}`);
  } },
});

/** A charity order whose fulfilment died at `point`; returns the order as stored. */
async function crashedDonation(item: MallItem, point: OrderFaultPoint): Promise<MallOrder> {
  const { member } = await buildPointsLot({ points: 500, earnedAt: clock.now });
  const placing = placeOrder({ buyerMemberId: member._id.toHexString(), itemId: item._id.toHexString(), qty: 1, idempotencyKey: `donation-${(keySeq += 1)}` }, await crashingAt(point));
  await expect(placing).rejects.toBeInstanceOf(Crash);
  const order = await MallOrderModel.findOne({ buyerMemberId: member._id }).lean();
  if (!order) throw new Error('order not stored');
  expect(order.status).toBe('stock_reserved');
  return order;
}

const certificateOf = async (orderId: MallOrder['_id']): Promise<string | undefined> => {
  const order = await MallOrderModel.findById(orderId).lean();
  return order?.fulfilment?.type === 'donation' ? order.fulfilment.certificateNo : undefined;
};

const numbers = (year: number, from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, index) => `GY${year}-${String(from + index).padStart(6, '0')}`);

describe('donation certificates', () => {
  it('each charity redemption gets the next number of the Shanghai business year', async () => {
    clock.now = new Date('2026-06-10T04:00:00.000Z');
    const item = await charityItem();
    expect([await donate(item), await donate(item), await donate(item)]).toEqual(numbers(2026, 1, 3));

    // 2026-12-31 23:30 in Shanghai is still 2026; half an hour later the new year starts at 000001.
    clock.now = new Date('2026-12-31T15:30:00.000Z');
    expect(await donate(item)).toBe('GY2026-000004');
    clock.now = new Date('2026-12-31T16:00:00.000Z');
    expect(await donate(item)).toBe('GY2027-000001');
  });

  it('a fulfilment that crashed after taking its number keeps that number when it is finished; no gaps', async () => {
    clock.now = new Date('2028-03-01T04:00:00.000Z');
    const item = await charityItem();
    const takenThenCrashed = await crashedDonation(item, 'certificate_issued');
    const deliveredThenCrashed = await crashedDonation(item, 'delivered');
    expect(await donate(item)).toBe('GY2028-000003');

    clock.now = new Date(clock.now.getTime() + 3 * MINUTE);
    await sweepOrders(await orderContextFrom(app.deps));
    expect(await certificateOf(takenThenCrashed._id)).toBe('GY2028-000001');
    expect(await certificateOf(deliveredThenCrashed._id)).toBe('GY2028-000002');
    expect(await donate(item)).toBe('GY2028-000004');
  });

  it('concurrent donations take distinct consecutive numbers; concurrent retries of one fulfilment take one', async () => {
    clock.now = new Date('2029-05-01T04:00:00.000Z');
    const item = await charityItem();
    const crashed = await crashedDonation(item, 'certificate_issued');
    const retries = await Promise.all(Array.from({ length: 5 }, async () => fulfilOrder(crashed, await orderContextFrom(app.deps))));
    expect(new Set(retries.map((order) => order.status))).toEqual(new Set(['fulfilled']));
    expect(await certificateOf(crashed._id)).toBe('GY2029-000001');

    const concurrent = await Promise.all(Array.from({ length: 20 }, () => donate(item)));
    expect([...concurrent].sort()).toEqual(numbers(2029, 2, 21));
  });
});

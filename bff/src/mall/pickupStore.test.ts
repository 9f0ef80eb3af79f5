import { buildTestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildPointsLot, sessionFor } from '../test/factories';
import { buildMallItem } from '../test/mallFactories';
import { buildStore } from '../test/operatorFactories';
import { buildMemberCoupon } from '../test/posFactories';
import { MallOrderModel } from '../orders/MallOrder.model';
import type { Member } from '../members/Member.model';

useTestDatabase();

// 23:30 on 30 November in Shanghai (15:30 UTC): the order's day is Shanghai's 30 November.
const clock = { now: new Date('2026-11-30T15:30:00.000Z') };
const { http } = buildTestApp({ now: () => clock.now });
let keySeq = 0;
const key = (): string => `pickup-${Date.now().toString(36)}-${(keySeq += 1)}`;

async function member(): Promise<string> {
  return (await memberWithCoupons()).auth;
}

async function memberWithCoupons(): Promise<{ member: Member; auth: string }> {
  const { member: built } = await buildPointsLot({ points: 5000, earnedAt: clock.now });
  return { member: built, auth: await sessionFor(built, { now: clock.now }) };
}

const redeem = (auth: string, body: object) => http.post('/api/mall.redeem').set('Authorization', auth).send(body);

describe('mall.redeem: the pickup store', () => {
  it('names the chosen store and the deadline on the order, in the list and the detail', async () => {
    const store = await buildStore({ name: '南京西路店', address: '南京西路 1 号', phone: '021-12345678', openingHours: { opens: '08:00', closes: '21:00' } });
    const item = await buildMallItem({ kind: 'physical', pointsPrice: 100, cashFen: 0, title: '帆布袋' });
    const auth = await member();
    const redeemed = await redeem(auth, { itemId: item._id.toHexString(), storeId: store._id.toHexString(), idempotencyKey: key() });
    expect(redeemed.status).toBe(200);
    const pickup = {
      store: { id: store._id.toHexString(), name: '南京西路店', address: '南京西路 1 号', phone: '021-12345678', openingHours: { opens: '08:00', closes: '21:00' } },
      deadline: '2026-12-03T21:00:00+08:00',
      deadlineText: '请于 12月3日 21:00 前到 南京西路店 自提',
    };
    expect(redeemed.body.order).toMatchObject({ status: 'fulfilled', pickup, actions: { canShowQr: true } });

    const detail = await http.post('/api/orders.get').set('Authorization', auth).send({ orderId: redeemed.body.order.id });
    expect(detail.body.order.pickup).toEqual(pickup);
    const list = await http.post('/api/orders.list').set('Authorization', auth).send({});
    expect(list.body.items[0].pickup).toEqual(pickup);
  });

  it('422 PICKUP_STORE_UNAVAILABLE for an unknown, closed or non-pickup store; nothing is ordered', async () => {
    const item = await buildMallItem({ kind: 'service', pointsPrice: 100, cashFen: 0 });
    const closed = await buildStore({ status: 'closed' });
    const noPickup = await buildStore({ offersPickup: false });
    const auth = await member();
    for (const storeId of ['a'.repeat(24), closed._id.toHexString(), noPickup._id.toHexString()]) {
      const refused = await redeem(auth, { itemId: item._id.toHexString(), storeId, idempotencyKey: key() });
      expect([refused.status, refused.body.error?.code]).toEqual([422, 'PICKUP_STORE_UNAVAILABLE']);
    }
    expect(await MallOrderModel.countDocuments({ itemId: item._id })).toBe(0);
    expect((await redeem(auth, { itemId: item._id.toHexString(), storeId: 'not-an-id', idempotencyKey: key() })).status).toBe(400);
  });

  it('a retry with another store is a different checkout (409); items that are not picked up ignore the store', async () => {
    const [first, second] = [await buildStore(), await buildStore()];
    const item = await buildMallItem({ kind: 'physical', pointsPrice: 100, cashFen: 0, limitPerMember: 5 });
    const auth = await member();
    const attempt = key();
    expect((await redeem(auth, { itemId: item._id.toHexString(), storeId: first._id.toHexString(), idempotencyKey: attempt })).status).toBe(200);
    const other = await redeem(auth, { itemId: item._id.toHexString(), storeId: second._id.toHexString(), idempotencyKey: attempt });
    expect([other.status, other.body.error?.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);

    const charity = await buildMallItem({ kind: 'charity', pointsPrice: 100, cashFen: 0 });
    const donated = await redeem(auth, { itemId: charity._id.toHexString(), storeId: first._id.toHexString(), idempotencyKey: key() });
    expect(donated.status).toBe(200);
    expect(donated.body.order.pickup).toBeNull();
  });

  it('a pickup item bought with a coupon keeps both: the discount off the cash part and the store; a retry with another coupon is 409', async () => {
    const store = await buildStore({ name: '人民广场店', openingHours: { opens: '09:00', closes: '22:00' } });
    const item = await buildMallItem({ kind: 'physical', pointsPrice: 100, cashFen: 1000 });
    const { member: buyer, auth } = await memberWithCoupons();
    const [coupon, other] = [
      await buildMemberCoupon(buyer, clock.now, { title: '满10减10', amountOffFen: 1000, minSpendFen: 0 }),
      await buildMemberCoupon(buyer, clock.now, { title: '另一张', amountOffFen: 500, minSpendFen: 0 }),
    ];
    const attempt = key();
    const body = { itemId: item._id.toHexString(), storeId: store._id.toHexString(), couponId: coupon._id.toHexString(), idempotencyKey: attempt };

    const redeemed = await redeem(auth, body);
    expect(redeemed.status).toBe(200);
    // The coupon takes the whole cash part: a points-only order, fulfilled at once, waiting at the chosen store.
    expect(redeemed.body.order).toMatchObject({
      status: 'fulfilled',
      cashTotalFen: 0,
      coupon: { id: coupon._id.toHexString(), discountFen: 1000 },
      pickup: { store: { id: store._id.toHexString(), name: '人民广场店' }, deadlineText: '请于 12月3日 22:00 前到 人民广场店 自提' },
    });
    expect((await redeem(auth, body)).body.order.id).toBe(redeemed.body.order.id);
    const otherCoupon = await redeem(auth, { ...body, couponId: other._id.toHexString() });
    expect([otherCoupon.status, otherCoupon.body.error?.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
  });
});

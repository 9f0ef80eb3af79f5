import { Types } from 'mongoose';
import { buildTestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, buildPointsLot, sessionFor } from '../test/factories';
import { buildCouponTemplate, buildMallItem } from '../test/mallFactories';
import { CouponModel } from '../coupons/Coupon.model';
import { issueCoupon } from '../coupons/issueCoupon';
import { StaffAllowanceModel } from './StaffAllowance.model';
import { StoreModel } from './Store.model';
import { WriteoffRecordModel } from './WriteoffRecord.model';

useTestDatabase();

const clock = { now: new Date('2026-05-10T04:00:00.000Z') };
const { http } = buildTestApp({ now: () => clock.now });

async function staffAuth(): Promise<string> {
  const store = await StoreModel.create({ code: `S${new Types.ObjectId().toHexString()}`, name: '人民广场店', address: '', createdAt: clock.now });
  const member = await buildMember();
  await StaffAllowanceModel.create({ openid: member.openid, storeId: store._id, name: '店员小王', active: true, createdAt: clock.now });
  return sessionFor(member, { now: clock.now });
}

describe('coupon QR and write-off', () => {
  it('401 -> 403 for non-staff -> 422 forged/expired -> 200 once -> 409 again; the member sees it used', async () => {
    const template = await buildCouponTemplate();
    const member = await buildMember();
    const coupon = await issueCoupon({ memberId: member._id.toHexString(), templateCode: template.code, source: 'birthday', sourceKey: 'b-1' }, clock.now);
    expect((await issueCoupon({ memberId: member._id.toHexString(), templateCode: template.code, source: 'birthday', sourceKey: 'b-1' }, clock.now))._id).toEqual(coupon._id);
    const auth = await sessionFor(member, { now: clock.now });
    const qr = await http.post('/api/coupons.qr').set('Authorization', auth).send({ couponId: coupon._id.toHexString() });
    expect(qr.status).toBe(200);
    expect(qr.body.refreshAfterSeconds).toBeGreaterThan(0);

    expect((await http.post('/api/writeoff.redeem').send({ token: qr.body.token })).status).toBe(401);
    const plain = await http.post('/api/writeoff.redeem').set('Authorization', auth).send({ token: qr.body.token });
    expect(plain.status).toBe(403);
    expect((await http.post('/api/writeoff.staffProfile').set('Authorization', auth).send({})).body).toEqual({ isStaff: false, store: null });
    const staff = await staffAuth();
    expect((await http.post('/api/writeoff.staffProfile').set('Authorization', staff).send({})).body).toMatchObject({ isStaff: true, store: { name: '人民广场店' } });
    const forged = await http.post('/api/writeoff.redeem').set('Authorization', staff).send({ token: `${qr.body.token.slice(0, -2)}xx` });
    expect([forged.status, forged.body.error.code]).toEqual([422, 'WRITEOFF_TOKEN_INVALID']);
    clock.now = new Date(clock.now.getTime() + 61_000);
    const stale = await http.post('/api/writeoff.redeem').set('Authorization', staff).send({ token: qr.body.token });
    expect([stale.status, stale.body.error.code]).toEqual([422, 'WRITEOFF_TOKEN_EXPIRED']);

    const fresh = await http.post('/api/coupons.qr').set('Authorization', auth).send({ couponId: coupon._id.toHexString() });
    const preview = await http.post('/api/writeoff.preview').set('Authorization', staff).send({ token: fresh.body.token });
    expect(preview.body.subject).toMatchObject({ kind: 'coupon', title: '满50减10券', detail: '¥10 · 满50元可用' });
    const attempts = await Promise.all(Array.from({ length: 50 }, () => http.post('/api/writeoff.redeem').set('Authorization', staff).send({ token: fresh.body.token })));
    expect(attempts.filter((response) => response.status === 200)).toHaveLength(1);
    expect(attempts.filter((response) => response.status === 409)).toHaveLength(49);
    expect(await WriteoffRecordModel.countDocuments({ subjectId: coupon._id })).toBe(1);
    expect((await CouponModel.findById(coupon._id).lean())?.status).toBe('used');
    const history = await http.post('/api/coupons.list').set('Authorization', auth).send({ status: 'history' });
    expect(history.body.items[0]).toMatchObject({ status: 'used', usedStoreName: '人民广场店', canShowQr: false });
    expect((await http.post('/api/writeoff.history').set('Authorization', staff).send({})).body.items).toHaveLength(1);
  });

  it('a pickup order is written off once, and then can no longer be refunded', async () => {
    const item = await buildMallItem();
    const { member } = await buildPointsLot({ points: 500, earnedAt: clock.now });
    const auth = await sessionFor(member, { now: clock.now });
    const order = await http.post('/api/mall.redeem').set('Authorization', auth).send({ itemId: item._id.toHexString(), idempotencyKey: 'pickup-order-1' });
    const qr = await http.post('/api/orders.qr').set('Authorization', auth).send({ orderId: order.body.order.id });
    expect(qr.status).toBe(200);
    const staff = await staffAuth();
    const done = await http.post('/api/writeoff.redeem').set('Authorization', staff).send({ token: qr.body.token });
    expect(done.status).toBe(200);
    expect(done.body.record.subject).toMatchObject({ kind: 'order', detail: '烘焙课体验券 × 1' });
    const seen = await http.post('/api/orders.get').set('Authorization', auth).send({ orderId: order.body.order.id });
    expect(seen.body.order.fulfilment).toMatchObject({ type: 'pickup', storeName: '人民广场店' });
    expect(seen.body.order.actions).toMatchObject({ canShowQr: false, canRefund: false });
    const refund = await http.post('/api/orders.refund').set('Authorization', auth).send({ orderId: order.body.order.id });
    expect([refund.status, refund.body.error.code]).toEqual([409, 'ORDER_NOT_REFUNDABLE']);
    expect((await http.post('/api/orders.qr').set('Authorization', auth).send({ orderId: order.body.order.id })).status).toBe(409);
  });

  it('the numeric code beside the QR works like the QR: typed with spaces, once, and not after it runs out or is renewed', async () => {
    const template = await buildCouponTemplate();
    const member = await buildMember();
    const coupon = await issueCoupon({ memberId: member._id.toHexString(), templateCode: template.code, source: 'birthday', sourceKey: 'code-1' }, clock.now);
    const auth = await sessionFor(member, { now: clock.now });
    const staff = await staffAuth();
    const showQr = () => http.post('/api/coupons.qr').set('Authorization', auth).send({ couponId: coupon._id.toHexString() });

    const first = await showQr();
    expect(first.body.numericCode).toMatch(/^8\d{11}$/);
    const typed = first.body.numericCode.replace(/(\d{4})(?=\d)/g, '$1 ');
    const preview = await http.post('/api/writeoff.preview').set('Authorization', staff).send({ token: typed });
    expect(preview.status).toBe(200);
    expect(preview.body.subject).toMatchObject({ kind: 'coupon', id: coupon._id.toHexString(), title: '满50减10券' });

    const mistyped = `${first.body.numericCode.slice(0, 11)}${(Number(first.body.numericCode.slice(11)) + 1) % 10}`;
    const wrong = await http.post('/api/writeoff.preview').set('Authorization', staff).send({ token: mistyped });
    expect([wrong.status, wrong.body.error.code]).toEqual([422, 'WRITEOFF_TOKEN_INVALID']);

    const renewed = await showQr();
    expect(renewed.body.numericCode).not.toBe(first.body.numericCode);
    const retired = await http.post('/api/writeoff.redeem').set('Authorization', staff).send({ token: first.body.numericCode });
    expect([retired.status, retired.body.error.code]).toEqual([422, 'WRITEOFF_TOKEN_INVALID']);

    clock.now = new Date(clock.now.getTime() + 61_000);
    const stale = await http.post('/api/writeoff.redeem').set('Authorization', staff).send({ token: renewed.body.numericCode });
    expect([stale.status, stale.body.error.code]).toEqual([422, 'WRITEOFF_TOKEN_EXPIRED']);

    const fresh = await showQr();
    const done = await http.post('/api/writeoff.redeem').set('Authorization', staff).send({ token: fresh.body.numericCode });
    expect(done.status).toBe(200);
    expect(done.body.record.subject).toMatchObject({ kind: 'coupon', id: coupon._id.toHexString() });
    const again = await http.post('/api/writeoff.redeem').set('Authorization', staff).send({ token: fresh.body.numericCode });
    expect([again.status, again.body.error.code]).toEqual([409, 'WRITEOFF_ALREADY_USED']);
    const plain = await http.post('/api/writeoff.redeem').set('Authorization', auth).send({ token: fresh.body.numericCode });
    expect(plain.status).toBe(403);
  });

  it('a pickup order has a numeric code too', async () => {
    const item = await buildMallItem();
    const { member } = await buildPointsLot({ points: 500, earnedAt: clock.now });
    const auth = await sessionFor(member, { now: clock.now });
    const order = await http.post('/api/mall.redeem').set('Authorization', auth).send({ itemId: item._id.toHexString(), idempotencyKey: 'pickup-code-1' });
    const qr = await http.post('/api/orders.qr').set('Authorization', auth).send({ orderId: order.body.order.id });
    expect(qr.body.numericCode).toMatch(/^8\d{11}$/);
    const done = await http.post('/api/writeoff.redeem').set('Authorization', await staffAuth()).send({ token: qr.body.numericCode });
    expect(done.status).toBe(200);
    expect(done.body.record.subject).toMatchObject({ kind: 'order', id: order.body.order.id });
  });
});

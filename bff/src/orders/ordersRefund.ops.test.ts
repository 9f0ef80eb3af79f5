import { AuditEntryModel } from '../audit/AuditEntry.model';
import { MallItemModel } from '../mall/MallItem.model';
import type { Member } from '../members/Member.model';
import { auditPointsAccount } from '../points/auditPointsAccount';
import { buildTestApp, testConfig, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildPointsLot, sessionFor } from '../test/factories';
import { buildMallItem } from '../test/mallFactories';
import { buildOperator, buildStore, opsCookieFor } from '../test/operatorFactories';
import { usePaySandbox } from '../test/paySandbox';
import { StaffAllowanceModel } from '../writeoff/StaffAllowance.model';
import { MallOrderModel, type MallOrder } from './MallOrder.model';

useTestDatabase();
const sandbox = usePaySandbox();
let app: TestApp;
let ops: string;
let analyst: string;
let keySeq = 0;

beforeAll(async () => {
  app = buildTestApp({ config: testConfig(sandbox().config) });
  sandbox().serve(app.server);
  ops = await opsCookieFor(app.http, await buildOperator({ roles: ['ops'], displayName: '退款专员' }));
  analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
});

const call = (name: string, body: object, cookie: string | null = ops) => {
  const post = app.http.post(`/api/${name}`);
  return cookie ? post.set('Cookie', cookie).send(body) : post.send(body);
};
const stored = async (id: string): Promise<MallOrder> => {
  const order = await MallOrderModel.findById(id).lean();
  if (!order) throw new Error('order not stored');
  return order;
};

/** A paid, fulfilled points + cash order of a fresh item (stock 10), through the WeChat Pay sandbox. */
async function paidOrder(): Promise<{ member: Member; auth: string; id: string; orderNo: string; itemId: string }> {
  const item = await buildMallItem({ pointsPrice: 100, cashFen: 2000 });
  const { member } = await buildPointsLot({ points: 500 });
  const auth = await sessionFor(member);
  const redeemed = await app.http.post('/api/mall.redeem').set('Authorization', auth).send({ itemId: item._id.toHexString(), idempotencyKey: `ops-refund-${(keySeq += 1)}` });
  expect(redeemed.body.order.status).toBe('awaiting_payment');
  await sandbox().pay.settled(sandbox().pay.pay(redeemed.body.order.orderNo).notificationId);
  expect((await stored(redeemed.body.order.id)).status).toBe('fulfilled');
  return { member, auth, id: redeemed.body.order.id, orderNo: redeemed.body.order.orderNo, itemId: item._id.toHexString() };
}

async function settleRefund(orderNo: string): Promise<void> {
  const settled = sandbox().pay.settleRefund(`R${orderNo}`, 'SUCCESS');
  await sandbox().pay.settled(settled.notificationId ?? '');
}

describe('ops.orders.refund', () => {
  it('moves a paid order exactly as the member path does: refunding, then refunded with points, stock and cash back', async () => {
    const byMember = await paidOrder();
    const byOps = await paidOrder();
    expect((await app.http.post('/api/orders.refund').set('Authorization', byMember.auth).send({ orderId: byMember.id })).body.order.status).toBe('refunding');
    const refunding = await call('ops.orders.refund', { orderId: byOps.id, reason: '会员来电申请退款' });
    expect(refunding.status).toBe(200);
    expect(refunding.body).toMatchObject({ status: 'refunding', refund: { status: 'PROCESSING', reason: '会员来电申请退款', requestedBy: expect.stringContaining('退款专员') } });

    await settleRefund(byMember.orderNo);
    await settleRefund(byOps.orderNo);
    const [memberPath, opsPath] = await Promise.all([stored(byMember.id), stored(byOps.id)]);
    for (const [order, itemId, member] of [[memberPath, byMember.itemId, byMember.member], [opsPath, byOps.itemId, byOps.member]] as const) {
      expect(order).toMatchObject({ status: 'refunded', refund: { status: 'SUCCESS' }, flags: [] });
      expect(await MallItemModel.findById(itemId).lean()).toMatchObject({ stock: 10, reservedOrders: [] });
      expect(await auditPointsAccount(member._id.toHexString())).toMatchObject({ balance: 500, consistent: true });
    }
    expect(opsPath.history?.map((entry) => entry.status)).toEqual(memberPath.history?.map((entry) => entry.status));

    const detail = await call('ops.orders.get', { orderId: byOps.id });
    expect(detail.body.history.map((entry: { status: string }) => entry.status)).toEqual(['created', 'points_held', 'stock_reserved', 'awaiting_payment', 'paid', 'fulfilled', 'refunding', 'refunded']);
    expect(detail.body.history.find((entry: { status: string }) => entry.status === 'refunding').by).toContain('退款专员');
    expect(detail.body).toMatchObject({ historyDerived: false, payment: { amountFen: 2000 }, actions: { canRefund: false, refundBlocker: 'already_refunded' } });
    expect(await AuditEntryModel.findOne({ action: 'ops.orders.refund', 'subject.id': byOps.id }).lean()).toMatchObject({
      outcome: 'applied',
      reason: '会员来电申请退款',
      before: { status: 'fulfilled' },
      after: { status: 'refunding' },
    });
    const again = await call('ops.orders.refund', { orderId: byOps.id, reason: '重复提交' });
    expect([again.status, again.body.error.code]).toEqual([409, 'ORDER_ALREADY_REFUNDED']);
  });

  it('401, 400 without a reason, 403 for an analyst, 404 for an unknown order, 409 for an unpaid order', async () => {
    const { id } = await paidOrder();
    expect((await call('ops.orders.refund', { orderId: id, reason: '退款' }, null)).status).toBe(401);
    expect((await call('ops.orders.refund', { orderId: id })).status).toBe(400);
    expect((await call('ops.orders.refund', { orderId: id, reason: '退款' }, analyst)).status).toBe(403);
    expect((await call('ops.orders.refund', { orderId: 'f'.repeat(24), reason: '退款' })).status).toBe(404);
    expect((await stored(id)).status).toBe('fulfilled');

    const item = await buildMallItem({ pointsPrice: 100, cashFen: 990 });
    const { member } = await buildPointsLot({ points: 300 });
    const unpaid = await app.http.post('/api/mall.redeem').set('Authorization', await sessionFor(member)).send({ itemId: item._id.toHexString(), idempotencyKey: 'ops-refund-unpaid' });
    const refused = await call('ops.orders.refund', { orderId: unpaid.body.order.id, reason: '退款' });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'ORDER_NOT_REFUNDABLE']);
    expect(await AuditEntryModel.countDocuments({ action: 'ops.orders.refund', 'subject.id': unpaid.body.order.id })).toBe(0);
  });

  it('refunds a charity donation, which the member cannot; refuses a pickup already written off', async () => {
    const charity = await buildMallItem({ kind: 'charity', pointsPrice: 200, stock: 5 });
    const { member } = await buildPointsLot({ points: 500 });
    const auth = await sessionFor(member);
    const donated = await app.http.post('/api/mall.redeem').set('Authorization', auth).send({ itemId: charity._id.toHexString(), idempotencyKey: 'ops-refund-charity' });
    expect(donated.body.order.status).toBe('fulfilled');
    expect((await app.http.post('/api/orders.refund').set('Authorization', auth).send({ orderId: donated.body.order.id })).body.error.code).toBe('ORDER_NOT_REFUNDABLE');
    const refunded = await call('ops.orders.refund', { orderId: donated.body.order.id, reason: '会员误捐，月度捐赠尚未汇出' });
    expect(refunded.body).toMatchObject({ status: 'refunded', refund: { reason: '会员误捐，月度捐赠尚未汇出' } });
    expect((await auditPointsAccount(member._id.toHexString())).balance).toBe(500);
    expect((await MallItemModel.findById(charity._id).lean())?.stock).toBe(5);

    const pickupItem = await buildMallItem({ kind: 'service', pointsPrice: 100 });
    const pickup = await app.http.post('/api/mall.redeem').set('Authorization', auth).send({ itemId: pickupItem._id.toHexString(), idempotencyKey: 'ops-refund-pickup' });
    const qr = await app.http.post('/api/orders.qr').set('Authorization', auth).send({ orderId: pickup.body.order.id });
    const staff = (await buildPointsLot({ points: 1 })).member;
    await StaffAllowanceModel.create({ openid: staff.openid, storeId: (await buildStore())._id, name: '店员', active: true, createdAt: new Date() });
    expect((await app.http.post('/api/writeoff.redeem').set('Authorization', await sessionFor(staff)).send({ token: qr.body.token })).status).toBe(200);
    const used = await call('ops.orders.get', { orderId: pickup.body.order.id });
    expect(used.body.actions).toEqual({ canRefund: false, refundBlocker: 'used' });
    const refused = await call('ops.orders.refund', { orderId: pickup.body.order.id, reason: '会员投诉' });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'ORDER_NOT_REFUNDABLE']);
  });

  it('a refund WeChat reports ABNORMAL is flagged; ops push it on again on the record, and it stays 退款中', async () => {
    const { id, orderNo } = await paidOrder();
    await call('ops.orders.refund', { orderId: id, reason: '会员申请' });
    const settled = sandbox().pay.settleRefund(`R${orderNo}`, 'ABNORMAL');
    await sandbox().pay.settled(settled.notificationId ?? '');
    const flagged = await call('ops.orders.get', { orderId: id });
    expect(flagged.body).toMatchObject({ status: 'refunding', openFlags: ['refund_abnormal'], actions: { canRefund: true } });
    const pushed = await call('ops.orders.refund', { orderId: id, reason: '再次查询退款' });
    expect(pushed.body).toMatchObject({ status: 'refunding', refund: { status: 'ABNORMAL' } });
    expect(await AuditEntryModel.find({ action: 'ops.orders.refund', 'subject.id': id }, { reason: 1, outcome: 1, _id: 0 }).sort({ _id: 1 }).lean()).toEqual([
      { reason: '会员申请', outcome: 'applied' },
      { reason: '再次查询退款', outcome: 'applied' },
    ]);
    expect((await stored(id)).auditSeqs).toHaveLength(2);
  });
});

import { EXPORT_TOTAL_HEADER } from '@cakeday/shared';
import { AuditEntryModel } from '../audit/AuditEntry.model';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, buildPointsLot, sessionFor } from '../test/factories';
import { buildMallItem } from '../test/mallFactories';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { MallOrderModel, type MallOrder } from './MallOrder.model';
import { flagOrder } from './recordPayment';

useTestDatabase();

let app: TestApp;
let ops: string;
let analyst: string;
let manager: string;
let keySeq = 0;

beforeAll(async () => {
  app = buildTestApp();
  ops = await opsCookieFor(app.http, await buildOperator({ roles: ['ops'], displayName: '客服甲' }));
  analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
  manager = await opsCookieFor(app.http, await buildOperator({ roles: ['store_manager'] }));
});

const call = (name: string, body: object, cookie: string | null = ops) => {
  const post = app.http.post(`/api/${name}`);
  return cookie ? post.set('Cookie', cookie).send(body) : post.send(body);
};

/** A fulfilled points-only order by a fresh member with a nickname. */
async function pointsOrder(nickname = '王小明'): Promise<MallOrder> {
  const item = await buildMallItem({ title: '烘焙课体验券', pointsPrice: 100 });
  const { member } = await buildPointsLot({ points: 500, member: await buildMember({ nickname }) });
  const redeemed = await app.http.post('/api/mall.redeem').set('Authorization', await sessionFor(member)).send({ itemId: item._id.toHexString(), idempotencyKey: `ops-orders-${(keySeq += 1)}` });
  const order = await MallOrderModel.findById(redeemed.body.order.id).lean();
  if (!order) throw new Error('order not stored');
  return order;
}

describe('ops.orders.list and ops.orders.get', () => {
  it('401, 403 for a store manager, 400, then filters by status, member, order number and time, paged', async () => {
    const first = await pointsOrder();
    const second = await pointsOrder();
    expect((await call('ops.orders.list', {}, null)).status).toBe(401);
    expect((await call('ops.orders.list', {}, manager)).status).toBe(403);
    expect((await call('ops.orders.list', { memberId: 'someone' })).status).toBe(400);

    const all = await call('ops.orders.list', { pageSize: 1 }, analyst);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 2, page: 1, pageSize: 1, items: [{ id: second._id.toHexString(), statusLabel: '已完成', openFlags: [] }] });
    const byMember = await call('ops.orders.list', { memberId: first.buyerMemberId.toHexString() });
    expect(byMember.body.items.map((order: { id: string }) => order.id)).toEqual([first._id.toHexString()]);
    expect((await call('ops.orders.list', { orderNo: second.orderNo })).body.total).toBe(1);
    expect((await call('ops.orders.list', { status: 'refunded' })).body.total).toBe(0);
    const later = new Date(second.createdAt.getTime() + 60_000).toISOString();
    expect((await call('ops.orders.list', { createdFrom: later })).body.total).toBe(0);
    expect((await call('ops.orders.list', { createdTo: later })).body.total).toBe(2);
  });

  it('shows the detail with its recorded history and the buyer masked; 404 for an unknown order', async () => {
    const order = await pointsOrder('李雷雷');
    const detail = await call('ops.orders.get', { orderId: order._id.toHexString() }, analyst);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      buyer: { id: order.buyerMemberId.toHexString(), nickname: '李*雷', tier: 'basic' },
      fulfilment: { type: 'pickup', usedAt: null },
      payment: null,
      refund: null,
      historyDerived: false,
      actions: { canRefund: true, refundBlocker: null },
    });
    expect(detail.body.history.map((entry: { status: string; by: string | null }) => [entry.status, entry.by])).toEqual([
      ['created', null],
      ['points_held', null],
      ['stock_reserved', null],
      ['fulfilled', null],
    ]);
    expect((await call('ops.orders.get', { orderId: 'f'.repeat(24) })).status).toBe(404);
    expect((await call('ops.orders.get', { orderId: order.orderNo })).status).toBe(400);
  });

  it('derives the history of an order placed before transitions were recorded', async () => {
    const order = await pointsOrder();
    await MallOrderModel.collection.updateOne({ _id: order._id }, { $unset: { history: '' } });
    const detail = await call('ops.orders.get', { orderId: order._id.toHexString() });
    expect(detail.body.historyDerived).toBe(true);
    expect(detail.body.history.map((entry: { status: string }) => entry.status)).toEqual(['created', 'fulfilled']);
  });
});

describe('flagged orders as a work queue', () => {
  it('lists orders with an open flag; resolving one with a note takes it off the queue, audited, once', async () => {
    const order = await pointsOrder();
    const id = order._id.toHexString();
    await flagOrder(order, 'amount_mismatch', 'expected 2000, got 1', new Date());
    await flagOrder(order, 'paid_after_cancel', '4200000000', new Date());
    const queue = await call('ops.orders.list', { flaggedOnly: true });
    expect(queue.body.items.map((entry: { id: string; openFlags: string[] }) => [entry.id, entry.openFlags])).toEqual([[id, ['amount_mismatch', 'paid_after_cancel']]]);

    const body = { orderId: id, flag: 'amount_mismatch', note: '已与微信支付核对，为测试通知' };
    expect((await call('ops.orders.flags.resolve', body, null)).status).toBe(401);
    expect((await call('ops.orders.flags.resolve', body, analyst)).status).toBe(403);
    expect((await call('ops.orders.flags.resolve', { ...body, note: '' })).status).toBe(400);
    expect((await call('ops.orders.flags.resolve', { ...body, orderId: 'f'.repeat(24) })).status).toBe(404);
    const resolved = await call('ops.orders.flags.resolve', body);
    expect(resolved.status).toBe(200);
    expect(resolved.body.openFlags).toEqual(['paid_after_cancel']);
    expect(resolved.body.flags.find((flag: { reason: string }) => flag.reason === 'amount_mismatch')).toMatchObject({
      reasonLabel: '支付金额与订单不符',
      note: '已与微信支付核对，为测试通知',
      resolvedBy: expect.stringContaining('客服甲'),
    });
    const again = await call('ops.orders.flags.resolve', body);
    expect([again.status, again.body.error.code]).toEqual([409, 'OPS_ORDER_FLAG_NOT_OPEN']);
    expect(await AuditEntryModel.findOne({ action: 'ops.orders.flags.resolve', 'subject.id': id }).lean()).toMatchObject({
      outcome: 'applied',
      reason: '已与微信支付核对，为测试通知',
      before: { flag: 'amount_mismatch', resolvedAt: null },
    });

    await call('ops.orders.flags.resolve', { orderId: id, flag: 'paid_after_cancel', note: '已在商户平台退款' });
    expect((await call('ops.orders.list', { flaggedOnly: true })).body.total).toBe(0);
    // Raised once per reason: the same problem reported again does not reopen it.
    await flagOrder(order, 'amount_mismatch', 'again', new Date());
    expect((await call('ops.orders.list', { flaggedOnly: true })).body.total).toBe(0);
  });
});

describe('ops.orders.export', () => {
  it('streams the filtered orders as CSV without personal data, with the total first and the export audited', async () => {
    const order = await pointsOrder('韩梅梅');
    expect((await call('ops.orders.export', {}, manager)).status).toBe(403);
    expect((await call('ops.orders.export', { page: 2 })).status).toBe(400);
    const response = await call('ops.orders.export', { orderNo: order.orderNo }, analyst).buffer(true).parse((res, done) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => done(null, text));
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers[EXPORT_TOTAL_HEADER.toLowerCase()]).toBe('1');
    const lines = (response.body as string).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('订单号');
    expect(lines[1]).toContain(order.orderNo);
    expect(lines[1]).toContain(order.buyerMemberId.toHexString());
    expect(response.body).not.toContain('韩梅梅');
    expect(await AuditEntryModel.findOne({ action: 'ops.orders.export' }).lean()).toMatchObject({ outcome: 'applied', after: { filters: { orderNo: order.orderNo } } });
  });
});

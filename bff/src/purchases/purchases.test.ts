import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { buildIntegration, signedPost, type TestIntegration } from '../test/integrationFactories';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { memberCodeFor, purchaseBody } from '../test/posFactories';

useTestDatabase();
const clock = { now: new Date('2026-06-10T04:00:00.000Z') };
let app: TestApp;
let till: TestIntegration;

beforeAll(async () => {
  app = buildTestApp({ now: () => clock.now });
  till = await buildIntegration();
});

describe('purchases.list (消费记录)', () => {
  it('shows the member their own purchases, newest first, with points and refunds; 401 without a session', async () => {
    const member = await buildMember();
    const other = await buildMember();
    for (const [who, receiptNo, fen] of [[member, 'R-A', 10_000], [other, 'R-B', 5_000], [member, 'R-C', 20_000]] as const) {
      const code = await memberCodeFor(app.http, who, [], clock.now);
      expect((await signedPost(app.http, till, 'pos.purchase', purchaseBody(code.numericCode, receiptNo, fen, { at: clock.now }), { at: clock.now })).status).toBe(200);
    }
    await signedPost(app.http, till, 'pos.refund', { receiptNo: 'R-A', refundNo: 'F1', refundedAt: clock.now.toISOString(), refundFen: 4_000 }, { at: clock.now });
    expect((await app.http.post('/api/purchases.list').send({})).status).toBe(401);
    const listed = await app.http.post('/api/purchases.list').set('Authorization', await sessionFor(member, { now: clock.now })).send({ limit: 1 });
    expect(listed.body.items).toEqual([expect.objectContaining({ receiptNo: 'R-C', where: till.store?.name, paidFen: 20_000, pointsEarned: 200, status: 'completed' })]);
    const next = await app.http.post('/api/purchases.list').set('Authorization', await sessionFor(member, { now: clock.now })).send({ cursor: listed.body.nextCursor });
    expect(next.body).toEqual({ items: [expect.objectContaining({ receiptNo: 'R-A', refundedFen: 4_000, status: 'partially_refunded', statusLabel: '部分退款' })], nextCursor: null });
  });
});

describe('ops.purchases.list', () => {
  it('finds purchases by store, member and receipt with points and tier change; a store manager sees only their store', async () => {
    const otherTill = await buildIntegration();
    const member = await buildMember();
    for (const [integration, receiptNo, fen] of [[till, 'OPS-A', 60_000], [otherTill, 'OPS-B', 1_000]] as const) {
      const code = await memberCodeFor(app.http, member, [], clock.now);
      expect((await signedPost(app.http, integration, 'pos.purchase', purchaseBody(code.numericCode, receiptNo, fen, { at: clock.now }), { at: clock.now })).status).toBe(200);
    }
    const analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
    const byMember = await app.http.post('/api/ops.purchases.list').set('Cookie', analyst).send({ memberId: member._id.toHexString() });
    expect(byMember.body.total).toBe(2);
    const byReceipt = await app.http.post('/api/ops.purchases.list').set('Cookie', analyst).send({ receiptNo: 'OPS-A' });
    expect(byReceipt.body.items).toEqual([expect.objectContaining({ receiptNo: 'OPS-A', pointsEarned: 600, tierBefore: 'basic', tierAfter: 'gold', state: 'settled' })]);

    const manager = await opsCookieFor(app.http, await buildOperator({ roles: ['store_manager'], storeId: otherTill.store?._id ?? null }));
    const own = await app.http.post('/api/ops.purchases.list').set('Cookie', manager).send({ memberId: member._id.toHexString() });
    expect(own.body.items.map((item: { receiptNo: string }) => item.receiptNo)).toEqual(['OPS-B']);
    const probe = await app.http.post('/api/ops.purchases.list').set('Cookie', manager).send({ storeId: till.store?._id.toHexString() });
    expect(probe.status).toBe(403);
    const byOtherReceipt = await app.http.post('/api/ops.purchases.list').set('Cookie', manager).send({ receiptNo: 'OPS-A' });
    expect(byOtherReceipt.body).toMatchObject({ items: [], total: 0 });
  });
});

describe('ops.purchases.list by date, and ops.purchases.get', () => {
  it('filters by purchase time (to exclusive); the detail has lines, coupons and each refund with its points; another store’s purchase is 404 to its manager', async () => {
    const otherTill = await buildIntegration();
    const member = await buildMember();
    const yesterday = new Date(clock.now.getTime() - 24 * 60 * 60_000);
    for (const [integration, receiptNo, fen, at] of [[till, 'DAY-1', 30_000, yesterday], [otherTill, 'DAY-2', 10_000, clock.now]] as const) {
      const code = await memberCodeFor(app.http, member, [], clock.now);
      expect((await signedPost(app.http, integration, 'pos.purchase', purchaseBody(code.numericCode, receiptNo, fen, { at }), { at: clock.now })).status).toBe(200);
    }
    await signedPost(app.http, till, 'pos.refund', { receiptNo: 'DAY-1', refundNo: 'HALF', refundedAt: clock.now.toISOString(), refundFen: 15_000 }, { at: clock.now });
    const analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
    const today = await app.http.post('/api/ops.purchases.list').set('Cookie', analyst).send({ memberId: member._id.toHexString(), from: new Date(clock.now.getTime() - 60_000).toISOString() });
    expect(today.body.items.map((item: { receiptNo: string }) => item.receiptNo)).toEqual(['DAY-2']);
    const before = await app.http.post('/api/ops.purchases.list').set('Cookie', analyst).send({ memberId: member._id.toHexString(), to: clock.now.toISOString() });
    expect(before.body.items.map((item: { receiptNo: string }) => item.receiptNo)).toEqual(['DAY-1']);

    const id = before.body.items[0].id as string;
    const detail = await app.http.post('/api/ops.purchases.get').set('Cookie', analyst).send({ id });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      receiptNo: 'DAY-1',
      integrationName: expect.any(String),
      lines: [{ sku: 'CAKE-8', name: '8寸生日蛋糕', qty: 1, amountFen: 30_000 }],
      pointsEarned: 300,
      refundedFen: 15_000,
      refundRecords: [{ refundNo: 'HALF', refundFen: 15_000, state: 'settled', pointsClawedBack: 150, pointsReturned: 0 }],
    });
    const manager = await opsCookieFor(app.http, await buildOperator({ roles: ['store_manager'], storeId: otherTill.store?._id ?? null }));
    expect((await app.http.post('/api/ops.purchases.get').set('Cookie', manager).send({ id })).status).toBe(404);
    expect((await app.http.post('/api/ops.purchases.get').set('Cookie', manager).send({ id: today.body.items[0].id })).status).toBe(200);
    expect((await app.http.post('/api/ops.purchases.get').set('Cookie', analyst).send({ id: 'a00000000000000000000000' })).status).toBe(404);
  });
});

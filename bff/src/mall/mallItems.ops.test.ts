import { AuditEntryModel } from '../audit/AuditEntry.model';
import { MallOrderModel } from '../orders/MallOrder.model';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildPointsLot, sessionFor } from '../test/factories';
import { buildCouponTemplate, buildMallItem } from '../test/mallFactories';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { MallItemModel } from './MallItem.model';

useTestDatabase();

let app: TestApp;
let ops: string;
let analyst: string;

beforeAll(async () => {
  app = buildTestApp();
  ops = await opsCookieFor(app.http, await buildOperator({ roles: ['ops'] }));
  analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
});

const call = (name: string, body: object, cookie: string | null = ops) => {
  const post = app.http.post(`/api/${name}`);
  return cookie ? post.set('Cookie', cookie).send(body) : post.send(body);
};
const newItem = { code: 'ops-tote', title: '帆布袋', kind: 'physical', pointsPrice: 600, limitPerMember: 1, limitPeriod: 'lifetime', stock: 20 };

describe('ops.mallItems: create, list, get, update', () => {
  it('401 without a session, 403 for an analyst, 400 for nonsense, 200 with the change audited', async () => {
    expect((await call('ops.mallItems.create', newItem, null)).status).toBe(401);
    expect((await call('ops.mallItems.create', newItem, analyst)).status).toBe(403);
    const couponWithoutTemplate = await call('ops.mallItems.create', { ...newItem, kind: 'coupon' });
    expect(couponWithoutTemplate.status).toBe(400);
    expect(couponWithoutTemplate.body.error.fields).toContainEqual(expect.objectContaining({ path: 'couponTemplateCode' }));
    expect((await call('ops.mallItems.create', { ...newItem, images: ['http://insecure.example/a.jpg'] })).status).toBe(400);
    const unknownTemplate = await call('ops.mallItems.create', { ...newItem, kind: 'coupon', couponTemplateCode: 'no-such-template' });
    expect([unknownTemplate.status, unknownTemplate.body.error.code]).toEqual([422, 'OPS_COUPON_TEMPLATE_NOT_FOUND']);

    const created = await call('ops.mallItems.create', newItem);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ code: 'ops-tote', status: 'inactive', stock: 20, version: 0, priceText: '600 积分' });
    expect((await call('ops.mallItems.create', newItem)).body.error.code).toBe('OPS_CODE_TAKEN');
    expect(await AuditEntryModel.findOne({ action: 'ops.mallItems.create', 'subject.id': created.body.id }).lean()).toMatchObject({
      subject: { type: 'MallItem' },
      outcome: 'applied',
      after: { code: 'ops-tote', stock: 20 },
    });
    expect((await MallItemModel.findById(created.body.id).lean())?.auditSeqs).toHaveLength(1);
  });

  it('lists every item whatever its state, filtered and paged; get answers 404 for an unknown id', async () => {
    await buildMallItem({ title: '下架的蛋糕', status: 'inactive', kind: 'physical' });
    const listed = await call('ops.mallItems.list', { status: 'inactive', query: '蛋糕', pageSize: 10 });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item: { title: string }) => item.title)).toEqual(['下架的蛋糕']);
    expect((await call('ops.mallItems.list', { kind: 'physical', page: 1, pageSize: 1 })).body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect((await call('ops.mallItems.list', { pageSize: 1000 })).status).toBe(400);
    expect((await call('ops.mallItems.get', { id: 'f'.repeat(24) })).status).toBe(404);
    expect((await call('ops.mallItems.get', { id: 'not-an-id' })).status).toBe(400);
    // The catalog is ops' (and admins'): analysts read orders and write-offs, not the catalog.
    expect((await call('ops.mallItems.list', {}, analyst)).status).toBe(403);
  });

  it('updates on top of the version it loaded, audits only what changed, and refuses a stale edit', async () => {
    const item = await buildMallItem({ title: '旧标题', pointsPrice: 100 });
    const id = item._id.toHexString();
    const edited = await call('ops.mallItems.update', { id, version: 0, title: '新标题', pointsPrice: 150, status: 'inactive', reason: '调价' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: '新标题', pointsPrice: 150, status: 'inactive', version: 1, stock: 10 });
    const entry = await AuditEntryModel.findOne({ action: 'ops.mallItems.update', 'subject.id': id }).lean();
    expect(entry).toMatchObject({ outcome: 'applied', reason: '调价', before: { title: '旧标题', pointsPrice: 100, status: 'active' }, after: { title: '新标题', pointsPrice: 150, status: 'inactive' } });
    expect(Object.keys(entry?.after as object).sort()).toEqual(['pointsPrice', 'status', 'title']);

    const stale = await call('ops.mallItems.update', { id, version: 0, title: '过期编辑' });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'STALE_VERSION']);
    expect((await MallItemModel.findById(id).lean())?.title).toBe('新标题');
    expect((await call('ops.mallItems.update', { id: 'f'.repeat(24), version: 0, title: 'x' })).status).toBe(404);
    expect((await call('ops.mallItems.update', { id, version: 1, title: 'x' }, analyst)).status).toBe(403);
  });

  it('two edits racing on the same version: exactly one wins, the other is told its copy is stale', async () => {
    const item = await buildMallItem({ title: '原标题' });
    const id = item._id.toHexString();
    const racing = await Promise.all(['甲的标题', '乙的标题'].map((title) => call('ops.mallItems.update', { id, version: 0, title })));
    expect(racing.map((response) => response.status).sort()).toEqual([200, 409]);
    const winner = racing.find((response) => response.status === 200)?.body.title;
    expect(await MallItemModel.findById(id).lean()).toMatchObject({ title: winner, version: 1 });
    // The loser was refused before writing its entry, or its entry records the refusal: one change applied.
    expect(await AuditEntryModel.countDocuments({ action: 'ops.mallItems.update', 'subject.id': id, outcome: 'applied' })).toBe(1);
  });

  it('checks the item as it would be saved: a coupon item needs an active template, a window must open before it closes', async () => {
    const item = await buildMallItem();
    const id = item._id.toHexString();
    const noTemplate = await call('ops.mallItems.update', { id, version: 0, kind: 'coupon' });
    expect(noTemplate.status).toBe(400);
    const inactive = await buildCouponTemplate({ active: false });
    expect((await call('ops.mallItems.update', { id, version: 0, kind: 'coupon', couponTemplateCode: inactive.code })).body.error.code).toBe('OPS_COUPON_TEMPLATE_NOT_FOUND');
    const window = await call('ops.mallItems.update', { id, version: 0, visibleFrom: '2026-07-01T00:00:00+08:00', visibleTo: '2026-06-01T00:00:00+08:00' });
    expect(window.body.error.fields).toContainEqual(expect.objectContaining({ path: 'visibleTo' }));
    const template = await buildCouponTemplate();
    const linked = await call('ops.mallItems.update', { id, version: 0, kind: 'coupon', couponTemplateCode: template.code, visibleTo: '2026-12-31T00:00:00+08:00' });
    expect(linked.body).toMatchObject({ kind: 'coupon', couponTemplateCode: template.code, visibleTo: '2026-12-31T00:00:00+08:00', version: 1 });
  });

  it('a seeded item without a version is edited at version 0', async () => {
    const item = await buildMallItem();
    await MallItemModel.collection.updateOne({ _id: item._id }, { $unset: { version: '', auditSeqs: '' } });
    const listed = await call('ops.mallItems.get', { id: item._id.toHexString() });
    expect(listed.body.version).toBe(0);
    const edited = await call('ops.mallItems.update', { id: item._id.toHexString(), version: 0, subtitle: '补录' });
    expect(edited.body).toMatchObject({ subtitle: '补录', version: 1 });
  });
});

describe('ops.mallItems.adjustStock', () => {
  it('adds and removes by a delta with a reason, never below zero, audited with before and after', async () => {
    const item = await buildMallItem({ stock: 5 });
    const id = item._id.toHexString();
    expect((await call('ops.mallItems.adjustStock', { id, version: 0, delta: 3 })).status).toBe(400);
    expect((await call('ops.mallItems.adjustStock', { id, version: 0, delta: 0, reason: '无' })).status).toBe(400);
    const added = await call('ops.mallItems.adjustStock', { id, version: 0, delta: 3, reason: '补货' });
    expect(added.body).toMatchObject({ stock: 8, version: 1 });
    const tooMany = await call('ops.mallItems.adjustStock', { id, version: 1, delta: -9, reason: '盘点' });
    expect([tooMany.status, tooMany.body.error.code]).toEqual([409, 'OPS_STOCK_NEGATIVE']);
    const twice = await call('ops.mallItems.adjustStock', { id, version: 0, delta: 3, reason: '补货' });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'STALE_VERSION']);
    const removed = await call('ops.mallItems.adjustStock', { id, version: 1, delta: -8, reason: '盘点报损' });
    expect(removed.body).toMatchObject({ stock: 0, version: 2 });
    const entries = await AuditEntryModel.find({ action: 'ops.mallItems.adjustStock', 'subject.id': id }).sort({ _id: 1 }).lean();
    expect(entries.map((entry) => [entry.before, entry.after, entry.reason, entry.outcome])).toEqual([
      [{ stock: 5 }, { stock: 8, delta: 3 }, '补货', 'applied'],
      [{ stock: 8 }, { stock: 0, delta: -8 }, '盘点报损', 'applied'],
    ]);
    expect((await call('ops.mallItems.adjustStock', { id: 'f'.repeat(24), version: 0, delta: 1, reason: '补货' })).status).toBe(404);
    expect((await call('ops.mallItems.adjustStock', { id, version: 2, delta: 1, reason: '补货' }, analyst)).status).toBe(403);
  });

  it('under contention with members redeeming, never oversells and never goes negative', async () => {
    const STOCK = 24;
    const item = await buildMallItem({ stock: STOCK, pointsPrice: 10, limitPerMember: 1 });
    const id = item._id.toHexString();
    const members = await Promise.all(Array.from({ length: 30 }, async () => sessionFor((await buildPointsLot({ points: 100 })).member)));
    // Members keep redeeming, three at a time, for as long as ops are at work.
    async function redeemInWaves(): Promise<{ status: number; body: { error?: { code: string } } }[]> {
      const answers = [];
      for (let wave = 0; wave < members.length; wave += 3) {
        const batch = members.slice(wave, wave + 3).map((auth, index) =>
          app.http.post('/api/mall.redeem').set('Authorization', auth).send({ itemId: id, idempotencyKey: `contention-${wave + index}` }),
        );
        answers.push(...(await Promise.all(batch)));
      }
      return answers;
    }
    // Ops take units away one by one at the same time, each on the version last seen (a stale one reloads).
    async function removeUnits(times: number): Promise<number> {
      let removed = 0;
      for (let attempt = 0; attempt < times; ) {
        const current = await call('ops.mallItems.get', { id });
        const response = await call('ops.mallItems.adjustStock', { id, version: current.body.version, delta: -1, reason: '门店调拨' });
        if (response.status === 200) removed += 1;
        else if (response.body.error.code !== 'STALE_VERSION') expect(response.body.error.code).toBe('OPS_STOCK_NEGATIVE');
        if (response.status === 200 || response.body.error.code === 'OPS_STOCK_NEGATIVE') attempt += 1;
      }
      return removed;
    }
    const [responses, removed] = await Promise.all([redeemInWaves(), Promise.all([removeUnits(5), removeUnits(5)])]);

    const sold = responses.filter((response) => response.status === 200).length;
    expect(responses.every((response) => response.status === 200 || response.body.error?.code === 'MALL_SOLD_OUT')).toBe(true);
    const stored = await MallItemModel.findById(id).lean();
    expect(stored?.stock).toBeGreaterThanOrEqual(0);
    expect(await MallOrderModel.countDocuments({ itemId: item._id, status: 'fulfilled' })).toBe(sold);
    // Every unit is accounted for once: sold, taken away by ops, or still in stock.
    expect(sold + removed.reduce((sum, units) => sum + units, 0) + (stored?.stock ?? 0)).toBe(STOCK);
  });
});

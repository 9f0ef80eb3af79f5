import { AuditEntryModel } from '../audit/AuditEntry.model';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember } from '../test/factories';
import { buildCouponTemplate, buildMallItem } from '../test/mallFactories';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { CouponModel } from './Coupon.model';
import { CouponTemplateModel } from './CouponTemplate.model';
import { issueCoupon } from './issueCoupon';

useTestDatabase();

let app: TestApp;
let ops: string;
let manager: string;

beforeAll(async () => {
  app = buildTestApp();
  ops = await opsCookieFor(app.http, await buildOperator({ roles: ['ops'] }));
  manager = await opsCookieFor(app.http, await buildOperator({ roles: ['store_manager'] }));
});

const call = (name: string, body: object, cookie: string | null = ops) => {
  const post = app.http.post(`/api/${name}`);
  return cookie ? post.set('Cookie', cookie).send(body) : post.send(body);
};
const tenOff = { code: 'ops-10-off', title: '满100减10', type: 'amount_off', amountOffFen: 1000, minSpendFen: 10_000, validDays: 30 };

describe('ops.couponTemplates', () => {
  it('creates a template whose face reads one way: 401, 403, 400 for a face that mixes types, 409 for a taken code', async () => {
    expect((await call('ops.couponTemplates.create', tenOff, null)).status).toBe(401);
    expect((await call('ops.couponTemplates.create', tenOff, manager)).status).toBe(403);
    const mixed = await call('ops.couponTemplates.create', { ...tenOff, percentOff: 10 });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.fields).toContainEqual(expect.objectContaining({ path: 'percentOff' }));
    expect((await call('ops.couponTemplates.create', { ...tenOff, type: 'free_item' })).body.error.fields).toContainEqual(expect.objectContaining({ path: 'freeItemName' }));

    const created = await call('ops.couponTemplates.create', tenOff);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ code: 'ops-10-off', valueText: '¥10', conditionText: '满100元可用', active: true, version: 0 });
    expect((await call('ops.couponTemplates.create', tenOff)).body.error.code).toBe('OPS_CODE_TAKEN');
    expect(await AuditEntryModel.findOne({ action: 'ops.couponTemplates.create', 'subject.id': created.body.id }).lean()).toMatchObject({ outcome: 'applied', after: { code: 'ops-10-off' } });

    expect((await call('ops.couponTemplates.list', { active: 'yes' })).status).toBe(400);
    const listed = await call('ops.couponTemplates.list', { query: 'ops-10' });
    expect(listed.body).toMatchObject({ total: 1, items: [{ code: 'ops-10-off' }] });
  });

  it('an edit changes later issues only: a coupon already issued keeps its face', async () => {
    const template = await buildCouponTemplate({ title: '满50减10券', amountOffFen: 1000 });
    const member = await buildMember();
    const issued = await issueCoupon({ memberId: member._id.toHexString(), templateCode: template.code, source: 'birthday', sourceKey: 'before-edit' }, new Date());
    const id = template._id.toHexString();
    const edited = await call('ops.couponTemplates.update', { id, version: 0, title: '满50减15券', amountOffFen: 1500, validDays: 7, reason: '加码' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: '满50减15券', valueText: '¥15', validDays: 7, version: 1 });
    expect(await CouponModel.findById(issued._id).lean()).toMatchObject({ title: '满50减10券', amountOffFen: 1000, validUntil: issued.validUntil });
    const later = await issueCoupon({ memberId: member._id.toHexString(), templateCode: template.code, source: 'birthday', sourceKey: 'after-edit' }, new Date());
    expect(later).toMatchObject({ title: '满50减15券', amountOffFen: 1500 });
    expect(await AuditEntryModel.findOne({ action: 'ops.couponTemplates.update', 'subject.id': id }).lean()).toMatchObject({
      before: { title: '满50减10券', amountOffFen: 1000, validDays: 30 },
      after: { title: '满50减15券', amountOffFen: 1500, validDays: 7 },
      reason: '加码',
    });

    const stale = await call('ops.couponTemplates.update', { id, version: 0, title: '过期编辑' });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'STALE_VERSION']);
    expect((await call('ops.couponTemplates.update', { id, version: 1, type: 'percent_off' })).status).toBe(400);
    expect((await call('ops.couponTemplates.update', { id: 'f'.repeat(24), version: 0, title: 'x' })).status).toBe(404);
  });

  it('refuses to deactivate a template an item on sale issues; one nothing uses goes off', async () => {
    const used = await buildCouponTemplate();
    await buildMallItem({ kind: 'coupon', couponTemplateCode: used.code, status: 'active' });
    const refused = await call('ops.couponTemplates.update', { id: used._id.toHexString(), version: 0, active: false, reason: '停用' });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'OPS_COUPON_TEMPLATE_IN_USE']);
    expect((await CouponTemplateModel.findById(used._id).lean())?.active).toBe(true);
    // The program's own codes (the help gift, the referral welcome) count as used too.
    const helpGift = await buildCouponTemplate({ code: 'cake-size-upgrade' });
    expect((await call('ops.couponTemplates.update', { id: helpGift._id.toHexString(), version: 0, active: false })).body.error.code).toBe('OPS_COUPON_TEMPLATE_IN_USE');

    const unused = await buildCouponTemplate();
    const off = await call('ops.couponTemplates.update', { id: unused._id.toHexString(), version: 0, active: false, reason: '活动结束' });
    expect(off.body).toMatchObject({ active: false, version: 1 });
  });
});

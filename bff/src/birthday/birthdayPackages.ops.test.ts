import { consentTexts, DEFAULT_BIRTHDAY_PACKAGES } from '@cakeday/shared';
import { AuditEntryModel } from '../audit/AuditEntry.model';
import { ConsentModel } from '../consents/Consent.model';
import { ensureTestCouponTemplates } from '../referral/testSupport';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { BirthdayPackageModel } from './BirthdayPackage.model';

useTestDatabase();

let app: TestApp;
let ops: string;
let analyst: string;

beforeAll(async () => {
  app = buildTestApp();
  ops = await opsCookieFor(app.http, await buildOperator({ roles: ['ops'] }));
  analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
  await ensureTestCouponTemplates();
  // As the dev seed writes them: straight into the collection, without a version.
  const now = new Date();
  for (const pkg of DEFAULT_BIRTHDAY_PACKAGES) await BirthdayPackageModel.collection.insertOne({ ...pkg, active: true, createdAt: now, updatedAt: now });
});

const call = (name: string, body: object, cookie: string | null = ops) => {
  const post = app.http.post(`/api/${name}`);
  return cookie ? post.set('Cookie', cookie).send(body) : post.send(body);
};

async function packageId(code: string): Promise<string> {
  const pkg = await BirthdayPackageModel.findOne({ code }).lean();
  if (!pkg) throw new Error(`no package ${code}`);
  return pkg._id.toHexString();
}

describe('ops.birthdayPackages', () => {
  it('lists the packages per tier: 401, 403 for an analyst, 200', async () => {
    expect((await call('ops.birthdayPackages.list', {}, null)).status).toBe(401);
    expect((await call('ops.birthdayPackages.list', {}, analyst)).status).toBe(403);
    expect((await call('ops.birthdayPackages.list', { tier: 'platinum' })).status).toBe(400);
    const diamond = await call('ops.birthdayPackages.list', { tier: 'diamond' });
    expect(diamond.body.items.map((pkg: { code: string }) => pkg.code)).toEqual(DEFAULT_BIRTHDAY_PACKAGES.filter((pkg) => pkg.tiers.includes('diamond')).map((pkg) => pkg.code));
    const basic = await call('ops.birthdayPackages.list', { tier: 'basic' });
    expect(basic.body.items).toEqual([expect.objectContaining({ code: 'birthday-month-coupon', windowText: '生日当月1日起可领取至生日当月月底', version: 0 })]);
  });

  it('an edit reaches members at once, audited; a stale edit is refused', async () => {
    const id = await packageId('birthday-drink');
    const edited = await call('ops.birthdayPackages.update', {
      id,
      version: 0,
      title: '生日饮品两杯',
      tiers: ['basic', 'gold', 'diamond'],
      window: { opens: 'days_before', daysBefore: 5, claimDays: 12 },
      reason: '周年活动',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: '生日饮品两杯', windowText: '生日前5天起12天内可领取', version: 1 });
    expect(await AuditEntryModel.findOne({ action: 'ops.birthdayPackages.update', 'subject.id': id }).lean()).toMatchObject({
      outcome: 'applied',
      reason: '周年活动',
      before: { title: '生日饮品一杯', tiers: ['gold', 'diamond'] },
      after: { title: '生日饮品两杯', tiers: ['basic', 'gold', 'diamond'] },
    });

    const member = await buildMember({ birthday: { month: 12, day: 31, year: 1990 } });
    await ConsentModel.create({ memberId: member._id, purpose: 'birthday', action: 'grant', version: consentTexts.birthday.version, at: new Date(), ip: null });
    const benefits = await app.http.post('/api/birthday.benefits').set('Authorization', await sessionFor(member)).send({});
    expect(benefits.body.packages.map((pkg: { title: string }) => pkg.title)).toContain('生日饮品两杯');

    const stale = await call('ops.birthdayPackages.update', { id, version: 0, title: '过期编辑' });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'STALE_VERSION']);
    expect((await call('ops.birthdayPackages.update', { id: 'f'.repeat(24), version: 0, title: 'x' })).status).toBe(404);
    expect((await call('ops.birthdayPackages.update', { id, version: 1, title: 'x' }, analyst)).status).toBe(403);
  });

  it('items must make sense: a coupon names an active template, a multiplier names no template', async () => {
    const id = await packageId('birthday-month-coupon');
    const unknown = await call('ops.birthdayPackages.update', { id, version: 0, items: [{ kind: 'coupon', title: '新券', templateCode: 'no-such-template' }] });
    expect([unknown.status, unknown.body.error.code]).toEqual([422, 'OPS_COUPON_TEMPLATE_NOT_FOUND']);
    const mixed = await call('ops.birthdayPackages.update', { id, version: 0, items: [{ kind: 'points_multiplier', title: '双倍', templateCode: 'birthday-10-off' }] });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.fields).toContainEqual(expect.objectContaining({ path: 'items.0.templateCode' }));
    const daysBefore = await call('ops.birthdayPackages.update', { id, version: 0, window: { opens: 'on_day', daysBefore: 3, claimDays: 7 } });
    expect(daysBefore.body.error.fields).toContainEqual(expect.objectContaining({ path: 'window.daysBefore' }));
    expect((await BirthdayPackageModel.findById(id).lean())?.version).toBeUndefined();
  });
});

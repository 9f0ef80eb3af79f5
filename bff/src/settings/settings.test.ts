import { DEFAULT_PROGRAM_SETTINGS } from '@cakeday/shared';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { AuditEntryModel } from '../audit/AuditEntry.model';

useTestDatabase();

const clock = { now: new Date('2026-06-01T02:00:00.000Z') };
let app: TestApp;
let admin: string;
let adminOperator: Awaited<ReturnType<typeof buildOperator>>;

beforeAll(async () => {
  app = buildTestApp({ now: () => clock.now });
  adminOperator = await buildOperator({ roles: ['admin'] });
  admin = await opsCookieFor(app.http, adminOperator);
});

const call = (name: string, body: object) => app.http.post(`/api/${name}`).set('Cookie', admin).send(body);
const withGold = (goldFen: number) => ({ ...DEFAULT_PROGRAM_SETTINGS, tiers: { ...DEFAULT_PROGRAM_SETTINGS.tiers, goldFen } });

describe('program settings versions', () => {
  it('starts at the built-in defaults (version 0); a save makes version 1, in force at once, with the change audited', async () => {
    const first = await call('ops.settings.current', {});
    expect(first.body).toMatchObject({ latestVersion: 0, current: { version: 0, settings: DEFAULT_PROGRAM_SETTINGS }, scheduled: [] });

    const saved = await call('ops.settings.update', { basedOnVersion: 0, reason: '金卡门槛调整', settings: withGold(60_000) });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, reason: '金卡门槛调整', settings: { tiers: { goldFen: 60_000 } } });
    expect((await app.deps.settings.at(clock.now)).settings.tiers.goldFen).toBe(60_000);
    expect(await AuditEntryModel.findOne({ action: 'ops.settings.update' }).lean()).toMatchObject({
      subject: { type: 'Settings', id: '1' },
      before: { 'tiers.goldFen': 50_000 },
      after: { 'tiers.goldFen': 60_000 },
      reason: '金卡门槛调整',
      outcome: 'applied',
    });
  });

  it('refuses an edit based on an older version, and two saves racing on the same base: exactly one wins', async () => {
    const stale = await call('ops.settings.update', { basedOnVersion: 0, reason: '过期编辑', settings: withGold(70_000) });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');

    const racing = await Promise.all([80_000, 90_000].map((goldFen) => call('ops.settings.update', { basedOnVersion: 1, reason: '同时保存', settings: withGold(goldFen) })));
    expect(racing.map((response) => response.status).sort()).toEqual([200, 409]);
    expect((await call('ops.settings.current', {})).body.latestVersion).toBe(2);
  });

  it('refuses settings that break a rule (diamond not above gold), naming the field', async () => {
    const refused = await call('ops.settings.update', { basedOnVersion: 2, reason: '错误配置', settings: withGold(300_000) });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toContainEqual(expect.objectContaining({ path: 'settings.tiers.diamondFen' }));
  });

  it('a change scheduled for later is listed but not in force until then; the earlier version is still readable', async () => {
    const current = (await call('ops.settings.current', {})).body;
    const effectiveFrom = new Date(clock.now.getTime() + 24 * 3_600_000).toISOString();
    const scheduled = await call('ops.settings.update', { basedOnVersion: current.latestVersion, effectiveFrom, reason: '下月生效', settings: withGold(100_000) });
    expect(scheduled.status).toBe(200);
    const before = (await call('ops.settings.current', {})).body;
    expect(before.current.version).toBe(current.current.version);
    expect(before.scheduled.map((version: { version: number }) => version.version)).toEqual([scheduled.body.version]);

    clock.now = new Date(clock.now.getTime() + 25 * 3_600_000);
    app.deps.settings.invalidate();
    admin = await opsCookieFor(app.http, adminOperator); // the session ended with the day
    expect((await app.deps.settings.at(clock.now)).version).toBe(scheduled.body.version);
    expect((await app.deps.settings.version(1)).settings.tiers.goldFen).toBe(60_000);
    expect((await call('ops.settings.history', {})).body.total).toBe(3);
  });

  it('an ops operator changes the member-facing rules but not the limits on their own powers', async () => {
    const ops = await opsCookieFor(app.http, await buildOperator({ roles: ['ops'] }));
    const asOps = (body: object) => app.http.post('/api/ops.settings.update').set('Cookie', ops).send(body);
    const current = (await call('ops.settings.current', {})).body;
    const own = { ...current.current.settings, operations: { ...current.current.settings.operations, pointsAdjustmentDailyLimit: 999_999 } };
    const refused = await asOps({ basedOnVersion: current.latestVersion, reason: '提高自己的额度', settings: own });
    expect(refused.status).toBe(403);
    expect((await call('ops.settings.current', {})).body.latestVersion).toBe(current.latestVersion);
    const allowed = await asOps({ basedOnVersion: current.latestVersion, reason: '金卡门槛', settings: withGold(66_000) });
    expect(allowed.status).toBe(200);
  });

  it('refuses to backdate a change', async () => {
    const current = (await call('ops.settings.current', {})).body;
    const refused = await call('ops.settings.update', { basedOnVersion: current.latestVersion, effectiveFrom: '2020-01-01T00:00:00+08:00', reason: '倒签', settings: withGold(55_000) });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toContainEqual(expect.objectContaining({ path: 'effectiveFrom' }));
  });
});

import { businessInstant } from '@cakeday/shared';
import { AuditEntryModel } from '../audit/AuditEntry.model';
import { buildTestApp, type TestApp } from '../test/app';
import { creditTestAccepts, grantMarketingConsent } from '../test/campaignFactories';
import { useTestDatabase } from '../test/database';
import { buildMember } from '../test/factories';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { saveTestSettings } from '../test/settings';
import { CampaignModel } from './Campaign.model';

useTestDatabase();

const clock = { now: businessInstant('2026-11-23T10:00:00') };
let app: TestApp;
const cookies = { author: '', second: '', analyst: '' };

beforeAll(async () => {
  app = buildTestApp({ now: () => clock.now });
  cookies.author = await opsCookieFor(app.http, await buildOperator({ roles: ['ops'], displayName: '运营甲' }));
  cookies.second = await opsCookieFor(app.http, await buildOperator({ roles: ['ops'], displayName: '运营乙' }));
  cookies.analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
  await saveTestSettings(app.deps, { marketing: { pushApprovalThreshold: 2 } });
});

const call = (name: string, body: object, cookie = cookies.author) => app.http.post(`/api/${name}`).set('Cookie', cookie).send(body);

const draft = (overrides: object = {}) => ({
  name: '双十二会员日',
  trigger: { kind: 'push', sendAt: '2026-12-12T10:00:00+08:00' },
  audience: { tiers: [], birthdayMonths: [] },
  message: { template: 'birthdayReminder', fields: { thing1: '{{nickname}}的会员日礼遇', date2: '2026年12月12日', thing3: '进店出示会员码领取' }, page: 'pages/birthday/index', inboxTitle: '会员日礼遇' },
  holdoutPermille: 0,
  endsAt: '2026-12-31T23:59:00+08:00',
  ...overrides,
});

describe('ops.campaigns: create, preview, edit', () => {
  it('a message that breaks the template’s rules is shown by the preview and refused on save (422)', async () => {
    const message = { ...draft().message, fields: { thing1: '{{nickname}}的会员日礼遇，全场蛋糕八五折', date2: '12月12日', thing3: '进店出示会员码领取' } };
    const preview = await call('ops.campaigns.preview', { name: '双十二', message });
    expect(preview.status).toBe(200);
    expect(preview.body.problems.map((problem: { key: string }) => problem.key).sort()).toEqual(['date2', 'thing1']);
    expect((await call('ops.campaigns.create', draft({ message }))).body.error.code).toBe('CAMPAIGN_MESSAGE_INVALID');
    expect(await CampaignModel.countDocuments({ name: '双十二' })).toBe(0);
  });

  it('creates a draft (audited); an edit on an old version is 409 STALE_VERSION; the analyst may read but not create', async () => {
    const created = await call('ops.campaigns.create', draft());
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ state: 'draft', version: 0, actions: ['submit', 'stop'], createdBy: { displayName: '运营甲' } });
    const edited = await call('ops.campaigns.update', { id: created.body.id, version: 0, ...draft({ name: '双十二会员日（改）' }) });
    expect(edited.body).toMatchObject({ name: '双十二会员日（改）', version: 1 });
    expect((await call('ops.campaigns.update', { id: created.body.id, version: 0, ...draft() })).body.error.code).toBe('STALE_VERSION');
    expect((await call('ops.campaigns.get', { id: created.body.id }, cookies.analyst)).status).toBe(200);
    expect((await call('ops.campaigns.create', draft(), cookies.analyst)).status).toBe(403);
    expect(await AuditEntryModel.countDocuments({ 'subject.type': 'Campaign', 'subject.id': created.body.id, outcome: 'applied' })).toBe(2);
  });
});

describe('submit, approval by a second operator, start, pause, stop', () => {
  it('above the threshold the campaign waits for another operator; its author cannot approve it', async () => {
    const members = await Promise.all([buildMember(), buildMember(), buildMember()]);
    const { id } = (await call('ops.campaigns.create', draft())).body;
    const submitted = await call('ops.campaigns.submit', { id });
    expect(submitted.body).toMatchObject({ state: 'pending_approval', needsApproval: true, audienceSize: expect.any(Number) });
    expect(submitted.body.audienceSize).toBeGreaterThanOrEqual(members.length);
    expect((await call('ops.campaigns.approve', { id })).body.error.code).toBe('CAMPAIGN_SELF_APPROVAL');
    expect((await call('ops.campaigns.start', { id })).body.error.code).toBe('CAMPAIGN_STATE_CONFLICT');
    const approved = await call('ops.campaigns.approve', { id }, cookies.second);
    expect(approved.body).toMatchObject({ state: 'approved', approvedBy: { displayName: '运营乙' } });
    expect((await call('ops.campaigns.start', { id })).body.state).toBe('running');
    expect((await call('ops.campaigns.pause', { id })).body.state).toBe('paused');
    expect((await call('ops.campaigns.resume', { id })).body.state).toBe('running');
    expect((await call('ops.campaigns.stop', { id, reason: '活动取消' })).body).toMatchObject({ state: 'stopped', actions: [] });
    expect((await call('ops.campaigns.resume', { id })).body.error.code).toBe('CAMPAIGN_STATE_CONFLICT');
    const actions = (await AuditEntryModel.find({ 'subject.id': id }).sort({ _id: 1 }).lean()).map((entry) => entry.action);
    expect(actions).toEqual(['ops.campaigns.create', 'ops.campaigns.submit', 'ops.campaigns.approve', 'ops.campaigns.start', 'ops.campaigns.pause', 'ops.campaigns.resume', 'ops.campaigns.stop']);
  });

  it('two operators moving the same campaign at once: one wins, the other gets CAMPAIGN_STATE_CONFLICT', async () => {
    const { id } = (await call('ops.campaigns.create', draft({ audience: { tiers: ['diamond'], birthdayMonths: [] } }))).body;
    expect((await call('ops.campaigns.submit', { id })).body.state).toBe('approved');
    const answers = await Promise.all([call('ops.campaigns.start', { id }), call('ops.campaigns.start', { id }, cookies.second)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
  });
});

describe('dry run and report', () => {
  it('counts the audience and why members would be skipped, with rendered samples', async () => {
    const tier = { tier: { level: 'gold' as const, since: clock.now, reviewedAt: null } };
    const [subscribed, noQuota, noConsent] = await Promise.all([buildMember({ ...tier, nickname: '小金' }), buildMember(tier), buildMember(tier)]);
    await grantMarketingConsent([subscribed, noQuota]);
    await creditTestAccepts(subscribed, 'sandbox-tmpl-birthday-reminder', 1);
    const { id } = (await call('ops.campaigns.create', draft({ audience: { tiers: ['gold'], birthdayMonths: [] } }))).body;
    const dryRun = await call('ops.campaigns.dryRun', { id }, cookies.analyst);
    expect(dryRun.status).toBe(200);
    expect(dryRun.body).toMatchObject({ audienceSize: 3, wouldSend: 1, skipped: { no_quota: 1, no_consent: 1 } });
    expect(dryRun.body.sample.find((sample: { memberId: string }) => sample.memberId === subscribed._id.toHexString()).data.thing1).toBe('小金的会员日礼遇');
    expect(noConsent).toBeDefined();
    const report = await call('ops.campaigns.report', { id });
    expect(report.body).toMatchObject({ total: 0, byState: { queued: 0, sent: 0 } });
  });
});

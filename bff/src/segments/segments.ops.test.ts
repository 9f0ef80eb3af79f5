import { businessInstant } from '@cakeday/shared';
import { AuditEntryModel } from '../audit/AuditEntry.model';
import { CampaignDeliveryModel } from '../campaigns/CampaignDelivery.model';
import { materialiseCampaign } from '../campaigns/materialiseCampaign';
import type { Member } from '../members/Member.model';
import { buildTestApp, type TestApp } from '../test/app';
import { buildCampaign } from '../test/campaignFactories';
import { useTestDatabase } from '../test/database';
import { buildMember } from '../test/factories';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { buildMemberStats } from '../test/segmentFactories';

useTestDatabase();

const clock = { now: businessInstant('2026-11-23T10:00:00') };
let app: TestApp;
const cookies = { ops: '', analyst: '' };
const members: Record<'sleepingGold' | 'sleepingBasic' | 'activeGold' | 'goldRfm' | 'newGold', Member | null> = { sleepingGold: null, sleepingBasic: null, activeGold: null, goldRfm: null, newGold: null };
const idOf = (name: keyof typeof members): string => members[name]?._id.toHexString() ?? '';

beforeAll(async () => {
  app = buildTestApp({ now: () => clock.now });
  cookies.ops = await opsCookieFor(app.http, await buildOperator({ roles: ['ops'], displayName: '运营甲' }));
  cookies.analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
  const joined = businessInstant('2025-01-10T10:00:00');
  const gold = { level: 'gold' as const, since: joined, reviewedAt: null };
  members.sleepingGold = await buildMember({ createdAt: joined, tier: gold });
  members.sleepingBasic = await buildMember({ createdAt: joined });
  members.activeGold = await buildMember({ createdAt: joined, tier: gold });
  members.goldRfm = await buildMember({ createdAt: joined });
  // Analytics has not seen this one yet: no stats, so no stage.
  members.newGold = await buildMember({ createdAt: joined, tier: gold });
  await buildMemberStats(members.sleepingGold, { stage: 'silent', r: 1, f: 1, m: 1 });
  await buildMemberStats(members.sleepingBasic, { stage: 'silent', r: 2, f: 2, m: 2 });
  await buildMemberStats(members.activeGold, { stage: 'active', r: 5, f: 3, m: 4 });
  await buildMemberStats(members.goldRfm, { stage: 'active', r: 5, f: 5, m: 5 });
});

const call = (name: string, body: object, cookie = cookies.ops) => app.http.post(`/api/${name}`).set('Cookie', cookie).send(body);
const sleepingGold = { stages: ['silent'], tiers: ['gold'] };
const recreated = { id: '' };

describe('ops.segments', () => {
  it('lists the birthday plan’s RFM levels as built-in segments with their sizes', async () => {
    const list = await call('ops.segments.list', {}, cookies.analyst);
    expect(list.status).toBe(200);
    const sizes = Object.fromEntries(list.body.items.filter((item: { builtIn: boolean }) => item.builtIn).map((item: { name: string; size: number }) => [item.name, item.size]));
    // 15 → 10 and 12 → 8 points are 黄金, 6 → 4 is 白银, 3 → 2 is 青铜.
    expect(sizes).toEqual({ 'RFM 黄金': 2, 'RFM 白银': 1, 'RFM 青铜': 1 });
  });

  it('ops builds 沉睡会员 · 金卡 (audited, sized); a duplicate name and a stale edit are 409; the analyst may only read', async () => {
    const preview = await call('ops.segments.preview', { conditions: sleepingGold });
    expect(preview.body).toEqual({ size: 1 });
    const created = await call('ops.segments.create', { name: '沉睡会员 · 金卡', conditions: sleepingGold });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ name: '沉睡会员 · 金卡', size: 1, version: 0, builtIn: false, createdBy: { displayName: '运营甲' } });
    expect((await call('ops.segments.create', { name: '沉睡会员 · 金卡', conditions: sleepingGold })).body.error.code).toBe('SEGMENT_NAME_TAKEN');
    expect((await call('ops.segments.create', { name: '沉睡会员', conditions: sleepingGold }, cookies.analyst)).status).toBe(403);

    const widened = await call('ops.segments.update', { id: created.body.id, version: 0, name: '沉睡会员 · 金卡', conditions: { stages: ['silent'] } });
    expect(widened.body).toMatchObject({ version: 1, size: 2 });
    expect((await call('ops.segments.update', { id: created.body.id, version: 0, name: '沉睡会员 · 金卡', conditions: sleepingGold })).body.error.code).toBe('STALE_VERSION');
    const back = await call('ops.segments.update', { id: created.body.id, version: 1, name: '沉睡会员 · 金卡', conditions: sleepingGold });
    expect(back.body).toMatchObject({ version: 2, size: 1 });
    expect(await AuditEntryModel.countDocuments({ 'subject.type': 'Segment', 'subject.id': created.body.id, outcome: 'applied' })).toBe(3);
    const listed = (await call('ops.segments.list', {})).body.items.find((item: { id: string }) => item.id === created.body.id);
    expect(listed).toMatchObject({ size: 1, conditions: { stages: ['silent'], tiers: ['gold'], r: null } });
  });

  it('a segment is a campaign’s audience: the dry run and submission count its members, only they get deliveries, and it cannot be deleted under the campaign', async () => {
    const segment = (await call('ops.segments.create', { name: '金卡沉睡', conditions: sleepingGold })).body;
    const message = { template: 'birthdayReminder', fields: { thing1: '{{nickname}}，好久不见', date2: '2026年12月12日', thing3: '进店出示会员码领取' }, page: 'pages/birthday/index', inboxTitle: '想你了' };
    const draft = { name: '唤醒金卡', trigger: { kind: 'push', sendAt: '2026-12-01T10:00:00+08:00' }, message, holdoutPermille: 0, endsAt: '2026-12-31T23:59:00+08:00' };
    expect((await call('ops.campaigns.create', { ...draft, audience: { segment: '0123456789abcdef01234567' } })).body.error.code).toBe('CAMPAIGN_SEGMENT_UNKNOWN');
    const campaign = await call('ops.campaigns.create', { ...draft, audience: { segment: segment.id } });
    expect(campaign.body.audience).toEqual({ tiers: [], birthdayMonths: [], segment: segment.id });
    expect((await call('ops.campaigns.dryRun', { id: campaign.body.id })).body.audienceSize).toBe(1);
    expect((await call('ops.campaigns.submit', { id: campaign.body.id })).body.audienceSize).toBe(1);

    expect((await call('ops.segments.delete', { id: segment.id, version: 0 })).body.error.code).toBe('SEGMENT_IN_USE');
    await call('ops.campaigns.stop', { id: campaign.body.id });
    expect((await call('ops.segments.delete', { id: segment.id, version: 0, reason: '活动结束' })).status).toBe(200);
    expect((await call('ops.segments.list', {})).body.items.some((item: { id: string }) => item.id === segment.id)).toBe(false);
    // Its name is free again.
    const again = await call('ops.segments.create', { name: '金卡沉睡', conditions: sleepingGold });
    expect(again.status).toBe(200);
    recreated.id = again.body.id;
  });

  it('materialises deliveries for the segment’s members only, and a built-in level works the same way', async () => {
    const running = await buildCampaign({ audience: { tiers: [], birthdayMonths: [], segment: recreated.id }, createdAt: clock.now });
    await materialiseCampaign(running._id, clock.now);
    expect((await CampaignDeliveryModel.find({ campaignId: running._id }).lean()).map((delivery) => delivery.memberId.toHexString())).toEqual([idOf('sleepingGold')]);

    const rfmGold = await buildCampaign({ audience: { tiers: [], birthdayMonths: [], segment: 'builtin-rfm-gold' }, createdAt: clock.now });
    await materialiseCampaign(rfmGold._id, clock.now);
    const reached = (await CampaignDeliveryModel.find({ campaignId: rfmGold._id }).lean()).map((delivery) => delivery.memberId.toHexString()).sort();
    expect(reached).toEqual([idOf('activeGold'), idOf('goldRfm')].sort());
  });
});

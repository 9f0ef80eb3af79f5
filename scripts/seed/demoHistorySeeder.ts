import {
  analyticsDay,
  applyCampaignEvent,
  buyerContributions,
  emptyBuyerState,
  insightsContributions,
  isBirthdayMonth,
  type BuyerState,
  consentTexts,
  DAILY_COUNTERS,
  dailyContributions,
  DEFAULT_PROGRAM_SETTINGS,
  FUNNELS,
  funnelStepOf,
  isMemberAction,
  lifecycleStage,
  nextSegmentChangeAt,
  purchaseOf,
  rfmScores,
  type CampaignTouch,
} from '@cakeday/shared';
import { Types, type AnyBulkWriteOperation, type Connection } from 'mongoose';
import { DEMO_CAMPAIGN_ID, DEMO_CAMPAIGN_NAME, DEMO_CAMPAIGN_VARIANTS, simulateDemoHistory, type DemoHistory } from './demoHistory';
import type { Seeder } from './seeders';

const system = { id: 'seed', displayName: '演示数据' };
type Doc = Record<string, unknown>;

/** The daily rollups and each member's stats, as the analytics consumer and the segment job would have left them. */
function foldAnalytics(history: DemoHistory, now: Date): { days: Map<string, Doc>; stats: Map<string, Doc> } {
  const days = new Map<string, Doc>();
  const dayOf = (day: string): Doc => {
    let doc = days.get(day);
    if (!doc) {
      doc = { _id: day, ...Object.fromEntries(DAILY_COUNTERS.map((name) => [name, 0])), funnels: { birthday: Object.fromEntries(FUNNELS.birthday.map((step) => [step, 0])) }, applied: [] };
      days.set(day, doc);
    }
    return doc;
  };
  const activity = new Map(history.members.map((member) => [member.id, { joinedAt: member.joinedAt, lastActiveAt: null as Date | null, purchases: [] as { key: string; at: Date; fen: number }[], activeDays: new Set<string>(), funnelSteps: new Set<string>() }]));
  for (const event of history.events) {
    const day = analyticsDay(event.at);
    const doc = dayOf(day);
    for (const [name, amount] of Object.entries(dailyContributions(event))) doc[name] = Number(doc[name] ?? 0) + amount;
    const member = event.memberId ? activity.get(event.memberId) : undefined;
    if (!member) continue;
    if (isMemberAction(event)) {
      if (!member.activeDays.has(day)) doc.activeMembers = Number(doc.activeMembers) + 1;
      member.activeDays.add(day);
      if (!member.lastActiveAt || event.at > member.lastActiveAt) member.lastActiveAt = event.at;
    }
    const step = funnelStepOf(event);
    const stepKey = step ? `${step.funnel}:${step.round}:${step.step}` : null;
    if (step && stepKey && !member.funnelSteps.has(stepKey)) {
      member.funnelSteps.add(stepKey);
      const funnels = doc.funnels as { birthday: Record<string, number> };
      funnels.birthday[step.step] = (funnels.birthday[step.step] ?? 0) + 1;
    }
    const purchase = purchaseOf(event);
    if (purchase) member.purchases.push({ key: purchase.key, at: event.at, fen: purchase.fen });
  }
  const settings = DEFAULT_PROGRAM_SETTINGS;
  const lifecycle = { ...settings.segments.lifecycle, silentAfterDays: settings.marketing.silentAfterDays };
  const stats = new Map<string, Doc>();
  for (const [id, member] of activity) {
    const facts = { joinedAt: member.joinedAt, lastActiveAt: member.lastActiveAt, purchases: member.purchases };
    stats.set(id, {
      _id: new Types.ObjectId(id),
      ...facts,
      purchases: member.purchases.slice(-500),
      activeDays: [...member.activeDays].slice(-8),
      funnelSteps: [...member.funnelSteps].slice(-40),
      applied: [],
      stage: lifecycleStage(facts, now, lifecycle),
      rfm: rfmScores(facts, now, settings.segments.rfm),
      segmentedAt: now,
      // `npm run dev` seeds no settings version: version 0, the built-in defaults the scores were computed under.
      segmentedWithVersion: 0,
      reviewAt: nextSegmentChangeAt(facts, now, { lifecycle, rfm: settings.segments.rfm }),
    });
  }
  return { days, stats };
}

/** The insights counts the plan KPIs read (GMV share, repurchase, retention, claims, campaign costs), by day. */
const KPI_GROUPS = ['gmv.', 'repeat.', 'retention.', 'claims.', 'campaignSms.', 'campaignMessages.', 'campaignCoupons.', 'campaignCouponFen.', 'campaignCouponsNoFace.'];

/** The KPI counts of insights_daily, as the insights consumer would have left them (in event order, per buyer). */
function foldKpis(history: DemoHistory): Map<string, Record<string, number>> {
  const days = new Map<string, Record<string, number>>();
  const add = (day: string, counts: Record<string, number>): void => {
    const doc = days.get(day) ?? {};
    for (const [key, amount] of Object.entries(counts)) if (KPI_GROUPS.some((group) => key.startsWith(group))) doc[key] = (doc[key] ?? 0) + amount;
    days.set(day, doc);
  };
  const birthdays = new Map(history.members.map((member) => [member.id, member.birthday]));
  const buyers = new Map<string, BuyerState>();
  const windowDays = DEFAULT_PROGRAM_SETTINGS.insights.retention.windowDays;
  for (const event of [...history.events].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const day = analyticsDay(event.at);
    add(day, insightsContributions(event));
    // The simulation's claims all completed: each was started too.
    if (event.type === 'benefit.claimed') add(day, { 'claims.started': 1 });
    const order = event.memberId ? purchaseOf(event) : null;
    if (!order || !event.memberId) continue;
    const birthday = birthdays.get(event.memberId);
    const bought = buyerContributions(buyers.get(event.memberId) ?? emptyBuyerState(), { day, at: event.at, fen: order.fen }, birthday ? isBirthdayMonth(birthday, event.at) : null, windowDays);
    for (const [countsDay, counts] of Object.entries(bought.counts)) add(countsDay, counts);
    buyers.set(event.memberId, bought.next);
  }
  return days;
}

/** The campaign's results, each member's touches and the attributed GMV by day, as the campaign results consumer would have left them. */
function foldCampaign(history: DemoHistory): { results: Map<string, Doc>; touches: Map<string, CampaignTouch[]>; gmvDays: Map<string, Record<string, number>> } {
  const gmvDays = new Map<string, Record<string, number>>();
  const results = new Map<string, Doc>();
  const touches = new Map<string, CampaignTouch[]>();
  const windowDays = DEFAULT_PROGRAM_SETTINGS.attribution.windowDays;
  for (const event of history.events) {
    if (!event.memberId) continue;
    const before = touches.get(event.memberId);
    if (!before && event.type !== 'campaign.assigned') continue;
    const applied = applyCampaignEvent(before ?? [], event, windowDays);
    touches.set(event.memberId, applied.touches);
    for (const credit of applied.credits) {
      const id = `${credit.campaignId}:${credit.variant}`;
      const doc = results.get(id) ?? { _id: id, campaignId: new Types.ObjectId(credit.campaignId), variant: credit.variant, assigned: 0, reached: 0, delivered: 0, opened: 0, claimed: 0, used: 0, converted: 0, attributedOrders: 0, gmvFen: 0, applied: [] };
      for (const [name, amount] of Object.entries(credit.increments)) doc[name] = Number(doc[name] ?? 0) + amount;
      results.set(id, doc);
      const gmvFen = credit.increments.gmvFen ?? 0;
      if (gmvFen > 0) {
        const day = gmvDays.get(analyticsDay(event.at)) ?? {};
        day[credit.campaignId] = (day[credit.campaignId] ?? 0) + gmvFen;
        gmvDays.set(analyticsDay(event.at), day);
      }
    }
  }
  return { results, touches, gmvDays };
}

const upserts = (docs: Iterable<Doc>): AnyBulkWriteOperation[] => [...docs].map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } }));

async function bulk(connection: Connection, collection: string, operations: AnyBulkWriteOperation[]): Promise<void> {
  for (let index = 0; index < operations.length; index += 1000) await connection.collection(collection).bulkWrite(operations.slice(index, index + 1000) as never[], { ordered: false });
}

/**
 * `npm run dev` and the console's e2e: a few months of activity for 3,000 members, so the dashboards, segments and a
 * campaign's results show something real. The derived documents are written as the consumers would have left
 * them (the outbox keeps only what happened in this database, so nothing is counted twice when the jobs run). Once:
 * the demo campaign, written last, marks it done.
 */
export const demoHistorySeeder: Seeder = {
  name: 'demo history',
  async run(connection: Connection) {
    if (await connection.collection('campaigns').findOne({ _id: new Types.ObjectId(DEMO_CAMPAIGN_ID) })) return 'already there';
    const now = new Date();
    const history = simulateDemoHistory(now);
    const { days, stats } = foldAnalytics(history, now);
    const { results, touches, gmvDays } = foldCampaign(history);
    const kpiDays = foldKpis(history);
    await bulk(
      connection,
      'members',
      history.members.map((member) => ({
        updateOne: {
          filter: { openid: member.openid },
          update: {
            $setOnInsert: {
              _id: new Types.ObjectId(member.id),
              status: 'active',
              tokenVersion: 0,
              nickname: null,
              avatarUrl: null,
              phone: null,
              birthday: { ...member.birthday, yearCiphertext: null },
              birthdayHistory: { firstSetAt: member.joinedAt, corrections: 0, lastBenefitClaimedAt: null },
              tier: { level: member.tier, since: member.joinedAt, reviewedAt: null, reviewDueAt: null },
              newMemberRewardsEligible: false,
              createdAt: member.joinedAt,
              updatedAt: member.joinedAt,
              deletedAt: null,
            },
          },
          upsert: true,
        },
      })),
    );
    const version = consentTexts.marketing_messages.version;
    await bulk(
      connection,
      'consents',
      history.members
        .filter((member) => member.marketingConsent)
        .map((member) => ({ updateOne: { filter: { memberId: new Types.ObjectId(member.id), purpose: 'marketing_messages', action: 'grant' }, update: { $setOnInsert: { version, at: member.joinedAt, ip: null } }, upsert: true } })),
    );
    await bulk(connection, 'member_stats', upserts(stats.values()));
    // The dashboard's segment sizes were counted without these stats: the next read counts again.
    await connection.collection<{ _id: string }>('analytics_segment_sizes').deleteMany({});
    // Likewise the members-over-time snapshots: the next run counts the seeded members (and fills in the last weeks).
    await connection.collection<{ _id: string }>('analytics_member_days').deleteMany({});
    // A day already counting real events keeps them: the history adds to it.
    await bulk(
      connection,
      'analytics_daily',
      [...days.values()].map((doc) => {
        const { _id, funnels, applied: _applied, ...counters } = doc;
        const birthday = (funnels as { birthday: Record<string, number> }).birthday;
        const inc = { ...counters, ...Object.fromEntries(Object.entries(birthday).map(([step, count]) => [`funnels.birthday.${step}`, count])) };
        return { updateOne: { filter: { _id }, update: { $inc: inc, $setOnInsert: { applied: [] } }, upsert: true } };
      }),
    );
    // Days already counting real events keep them: the history adds to them.
    const addTo = (days: Map<string, Record<string, number>>, field: string): AnyBulkWriteOperation[] =>
      [...days].map(([_id, counts]) => ({ updateOne: { filter: { _id }, update: { $inc: Object.fromEntries(Object.entries(counts).map(([key, value]) => [`${field}.${key}`, value])), $setOnInsert: { applied: [] } }, upsert: true } }));
    await bulk(connection, 'insights_daily', addTo(kpiDays, 'counts'));
    await bulk(connection, 'campaign_gmv_daily', addTo(gmvDays, 'gmvFen'));
    await bulk(connection, 'campaign_results', upserts(results.values()));
    await bulk(connection, 'campaign_touches', upserts([...touches].map(([memberId, campaigns]) => ({ _id: new Types.ObjectId(memberId), campaigns, applied: [] }))));
    const sendAt = history.campaign.sendAt;
    const message = (thing3: string) => ({ template: 'birthdayReminder', fields: { thing1: '{{nickname}}，双十一礼遇', date2: '11月11日', thing3 }, page: 'pages/home/index', inboxTitle: '双十一礼遇' });
    await connection.collection('campaigns').insertOne({
      _id: new Types.ObjectId(DEMO_CAMPAIGN_ID),
      name: DEMO_CAMPAIGN_NAME,
      trigger: { kind: 'push', sendAt },
      audience: { tiers: [], birthdayMonths: [], segment: null },
      message: message(DEMO_CAMPAIGN_VARIANTS[0].thing3),
      holdoutPermille: history.campaign.design.holdoutPermille,
      variants: DEMO_CAMPAIGN_VARIANTS.map(({ key, name, weight, thing3 }) => ({ key, name, weight, message: message(thing3), sendDelayDays: 0 })),
      allocation: 'split',
      endsAt: new Date(sendAt.getTime() + 7 * 86_400_000),
      state: 'completed',
      version: 5,
      audienceSize: history.campaign.audience,
      needsApproval: true,
      createdBy: system,
      submittedBy: system,
      approvedBy: system,
      materialisation: { runKey: 'once', afterId: null, done: true },
      createdAt: new Date(sendAt.getTime() - 3 * 86_400_000),
      updatedAt: new Date(sendAt.getTime() + 7 * 86_400_000),
      auditSeqs: [],
    });
    return `${history.members.length} members, ${history.events.length} events over ${days.size} days, ${DEMO_CAMPAIGN_NAME} (${history.campaign.audience} members)`;
  },
};

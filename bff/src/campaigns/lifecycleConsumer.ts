import { LIFECYCLE_CATCH_UP_DAYS, lastValidDayText, lifecycleOccurrence, TIER_LEVELS, tierNames, tierUpgradeBenefits, type EventType, type TierLevel } from '@cakeday/shared';
import type { Types } from 'mongoose';
import type { EventConsumer } from '../events/consumeEvents';
import type { StoredEvent } from '../events/Event.model';
import { MemberModel } from '../members/Member.model';
import { PointsEntryModel } from '../points/PointsEntry.model';
import { CampaignModel, type Campaign } from './Campaign.model';
import { audienceFilter, audienceSegmentOf, inAudienceSegment } from './campaignAudience';
import { banditArms } from './campaignVariant';
import type { DueStep } from './lifecycleSteps';
import { recordAssignments } from './results/recordCampaignEvents';
import { insertIgnoringDuplicates, lifecycleDraft } from './materialiseCampaign';

/** Crash points (tests): a throw stops the consumer there; the event is handed over again on the next run. */
export interface LifecycleFaults {
  /** After the member's purchase dates are written, before any delivery: the replay must welcome once. */
  afterPurchaseDates?: () => void;
}

const PURCHASE_TYPES: readonly EventType[] = ['order.paid', 'purchase.recorded'];
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The paid amount of a purchase event (an order's cash, a till purchase's amount). */
function paidFenOf(event: StoredEvent): number {
  const props = event.props as { cashFen?: unknown; amountFen?: unknown } | undefined;
  const fen = typeof props?.cashFen === 'number' ? props.cashFen : props?.amountFen;
  return typeof fen === 'number' ? fen : 0;
}

/** The member's lifetime earned points (earn entries applied; spending and expiry do not lower it). */
async function lifetimeEarned(memberId: Types.ObjectId): Promise<number> {
  const entries = await PointsEntryModel.find({ memberId, state: 'applied', kind: 'earn' }, { delta: 1 }).lean();
  return entries.reduce((sum, entry) => sum + Math.abs(entry.delta ?? 0), 0);
}

/** Delivers `step` of each campaign to the member when the member is in its audience now (idempotent by key). */
async function deliverTo(campaigns: readonly Campaign[], memberId: Types.ObjectId, stepOf: (campaign: Campaign) => DueStep | null, now: Date): Promise<void> {
  for (const campaign of campaigns) {
    const step = stepOf(campaign);
    if (!step || now.getTime() > campaign.endsAt.getTime()) continue;
    const members = await MemberModel.find({ $and: [audienceFilter(campaign), { _id: memberId }] }, { _id: 1, birthday: 1, tier: 1 }).lean();
    const inAudience = await inAudienceSegment(await audienceSegmentOf(campaign), members, now);
    if (inAudience.length === 0) continue;
    await insertIgnoringDuplicates([lifecycleDraft(campaign, memberId, step, await banditArms(campaign), now)]);
    await recordAssignments(campaign, [memberId], now);
  }
}

const runningOf = (kind: Campaign['trigger']['kind']) => CampaignModel.find({ state: 'running', 'trigger.kind': kind }).lean();

async function onPurchase(event: StoredEvent, now: Date, faults: LifecycleFaults): Promise<void> {
  const memberId = event.memberId;
  if (!memberId) return;
  const paidFen = paidFenOf(event);
  if (paidFen <= 0) return;
  // $min / $max: a replayed or late event changes nothing twice, whatever the order events arrive in.
  const member = await MemberModel.findOneAndUpdate(
    { _id: memberId },
    { $min: { 'lifecycle.firstPaidAt': event.at }, $max: { 'lifecycle.lastPaidAt': event.at } },
    { returnDocument: 'after', projection: { lifecycle: 1, newMemberRewardsEligible: 1 } },
  ).lean();
  faults.afterPurchaseDates?.();
  if (!member) return;
  const isFirst = member.lifecycle?.firstPaidAt?.getTime() === event.at.getTime();
  if (isFirst && member.newMemberRewardsEligible !== false) {
    await deliverTo(await runningOf('welcome'), memberId, (campaign) =>
      campaign.trigger.kind === 'welcome' && now.getTime() - event.at.getTime() <= campaign.trigger.withinHours * HOUR_MS ? { occurrence: lifecycleOccurrence.welcome(), dueAt: now, laterSteps: 0 } : null,
    now);
  }
  await deliverTo(await runningOf('spend'), memberId, (campaign) =>
    campaign.trigger.kind === 'spend' && paidFen >= campaign.trigger.thresholdFen ? { occurrence: lifecycleOccurrence.spend(event.at), dueAt: now, laterSteps: 0 } : null,
  now);
}

async function onPointsEarned(event: StoredEvent, now: Date): Promise<void> {
  const memberId = event.memberId;
  if (!memberId) return;
  const campaigns = await runningOf('pointsMilestone');
  if (campaigns.length === 0) return;
  const earned = await lifetimeEarned(memberId);
  await deliverTo(campaigns, memberId, (campaign) =>
    campaign.trigger.kind === 'pointsMilestone' && earned >= campaign.trigger.points ? { occurrence: lifecycleOccurrence.pointsMilestone(campaign.trigger.points), dueAt: now, laterSteps: 0 } : null,
  now);
}

const isTier = (value: unknown): value is TierLevel => (TIER_LEVELS as readonly unknown[]).includes(value);

/**
 * The upgrade's congratulation (升级礼遇): once per member, tier reached and tier year, naming the new tier, what it
 * adds and the day before its review. An upgrade the consumer reaches after the catch-up days is not congratulated late.
 */
async function onTierUpgraded(event: StoredEvent, now: Date): Promise<void> {
  const memberId = event.memberId;
  const props = event.props as { to?: unknown; period?: unknown; validUntil?: unknown } | undefined;
  const to = props?.to;
  if (!memberId || !isTier(to) || typeof props?.period !== 'string' || typeof props.validUntil !== 'string') return;
  if (now.getTime() - event.at.getTime() > LIFECYCLE_CATCH_UP_DAYS * DAY_MS) return;
  const period = props.period;
  const variables = { tierName: tierNames[to], tierBenefit: tierUpgradeBenefits[to], expiryDate: lastValidDayText(new Date(props.validUntil)) };
  await deliverTo(await runningOf('tierUpgrade'), memberId, (campaign) =>
    campaign.trigger.kind === 'tierUpgrade' && (campaign.trigger.toTiers as readonly string[]).includes(to) ? { occurrence: lifecycleOccurrence.tierUpgrade(to, period), dueAt: now, laterSteps: 0, variables } : null,
  now);
}

/**
 * The event-triggered lifecycle programmes: the welcome (within hours of the first paid purchase), the spend reward
 * (a purchase of at least the threshold, once a month), the points milestone (lifetime earned, once) and the tier
 * upgrade's congratulation (once per upgrade). Every step is idempotent (the deliveries' keys; the coupon goes with
 * the message, campaignBenefit.ts), so a replay after a crash makes nothing twice.
 */
export function lifecycleConsumerFor(deps: { now: () => Date }, faults: LifecycleFaults = {}): EventConsumer {
  return {
    name: 'campaigns.lifecycle',
    types: [...PURCHASE_TYPES, 'points.earned', 'tier.upgraded'],
    async handle(event) {
      const now = deps.now();
      if (PURCHASE_TYPES.includes(event.type)) await onPurchase(event, now, faults);
      else if (event.type === 'tier.upgraded') await onTierUpgraded(event, now);
      else await onPointsEarned(event, now);
    },
  };
}

import {
  analyticsDay,
  CLIENT_EVENT_TYPES,
  dailyContributions,
  funnelStepOf,
  isMemberAction,
  purchaseOf,
  refundOf,
  SERVER_EVENT_TYPES,
  type AnalyticsEvent,
} from '@cakeday/shared';
import type { UpdateQuery } from 'mongoose';
import type { EventConsumer } from '../events/consumeEvents';
import type { StoredEvent } from '../events/Event.model';
import { addToDay } from './addToDay';
import { memberStatsFor } from './memberStatsFor';
import { MemberStatsModel, type MemberStats } from './MemberStats.model';

/** How many applied event ids a member's stats remember: the consumer re-delivers at most the one it crashed on. */
export const APPLIED_KEYS_KEPT = 32;
const PURCHASES_KEPT = 500;
const ACTIVE_DAYS_KEPT = 8;
const FUNNEL_STEPS_KEPT = 40;

const toAnalyticsEvent = (event: StoredEvent): AnalyticsEvent => ({
  key: event.key,
  type: event.type,
  at: event.at,
  memberId: event.memberId ? event.memberId.toHexString() : null,
  subject: event.subject,
  props: event.props,
});

/**
 * Keeps the daily rollups and the members' stats from the event outbox. Each event is applied to each document
 * by one conditional update guarded by the event's id (`applied`), in an order that makes a re-delivery after a
 * crash at any point finish the work without counting anything twice: what is counted once per member (an active
 * day, a funnel step) is decided from the member's stats before the day is added to, and marked on the member
 * after; a re-delivered event finds the same decision, the day's guard refuses the second addition, and the
 * member's mark is written.
 */
export function createAnalyticsConsumer(faults?: AnalyticsFaults): EventConsumer {
  return {
    name: 'analytics',
    types: [...SERVER_EVENT_TYPES, ...CLIENT_EVENT_TYPES],
    handle: (stored) => applyEvent(stored, faults),
  };
}

export const analyticsConsumer = createAnalyticsConsumer();

/** Where tests place a crash: after the day was added to, after the member's stats were updated. */
export type AnalyticsFaultPoint = 'day' | 'member';
export interface AnalyticsFaults {
  after(point: AnalyticsFaultPoint, event: StoredEvent): void;
}

async function applyEvent(stored: StoredEvent, faults: AnalyticsFaults | undefined): Promise<void> {
  const event = toAnalyticsEvent(stored);
  const day = analyticsDay(event.at);
  if (event.type === 'member.deleted' && event.memberId) {
    await MemberStatsModel.deleteOne({ _id: event.memberId });
    return;
  }
  const stats = event.memberId ? await memberStatsFor(event.memberId, event.at) : null;
  const active = stats !== null && isMemberAction(event) && !stats.activeDays.includes(day);
  const step = stats ? funnelStepOf(event) : null;
  const stepKey = step ? `${step.funnel}:${step.round}:${step.step}` : null;
  const newStep = stats !== null && stepKey !== null && !stats.funnelSteps.includes(stepKey);

  const increments: Record<string, number> = { ...dailyContributions(event) };
  if (active) increments.activeMembers = 1;
  if (newStep && step) increments[`funnels.${step.funnel}.${step.step}`] = 1;
  await addToDay(day, stored._id.toHexString(), increments);
  faults?.after('day', stored);

  if (stats) await applyToMember(stats, event, { id: stored._id.toHexString(), recordedAt: stored.recordedAt }, { day: active ? day : null, stepKey: newStep ? stepKey : null });
  faults?.after('member', stored);
}

async function applyToMember(stats: MemberStats, event: AnalyticsEvent, stored: { id: string; recordedAt: Date }, marks: { day: string | null; stepKey: string | null }): Promise<void> {
  const set: Record<string, unknown> = { reviewAt: stored.recordedAt };
  const push: Record<string, { $each: unknown[]; $slice: number }> = { applied: { $each: [stored.id], $slice: -APPLIED_KEYS_KEPT } };
  if (marks.day) push.activeDays = { $each: [marks.day], $slice: -ACTIVE_DAYS_KEPT };
  if (marks.stepKey) push.funnelSteps = { $each: [marks.stepKey], $slice: -FUNNEL_STEPS_KEPT };
  const update: UpdateQuery<MemberStats> = { $set: set, $push: push };
  if (isMemberAction(event)) update.$max = { lastActiveAt: event.at };
  if (event.type === 'member.joined') update.$min = { joinedAt: event.at };

  // The consumer is the only writer of purchases, one event at a time: the new list is computed from the read.
  const purchase = purchaseOf(event);
  if (purchase && !stats.purchases.some((known) => known.key === purchase.key)) {
    set.purchases = [...stats.purchases, { key: purchase.key, at: event.at, fen: purchase.fen }].slice(-PURCHASES_KEPT);
  }
  const refund = refundOf(event);
  if (refund) {
    set.purchases = stats.purchases
      .map((known) => (known.key === refund.key ? { ...known, fen: known.fen - refund.fen } : known))
      .filter((known) => known.fen > 0);
  }
  await MemberStatsModel.updateOne({ _id: stats._id, applied: { $ne: stored.id } }, update);
}

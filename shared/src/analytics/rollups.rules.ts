import type { EventType } from '../events/events.schema.js';
import { businessDate, formatCalendarDate } from '../time/businessTime.js';

/**
 * What analytics reads from one event of the outbox. The props each type carries (ids and amounts only):
 * `order.paid` { cashFen }, `purchase.recorded` { amountFen }, `order.refunded` / `purchase.refunded` { refundFen },
 * `points.earned` / `points.spent` { points }, `message.sent` / `message.opened` { purpose: 'birthday' | 'campaign',
 * campaignId, channel }, `message.failed` / `message.skipped` { reason (errcode_43101, unknown; a skip reason), purpose,
 * campaignId, channel }, `help.started` { celebrationYear, goal }, `help.unlocked` { celebrationYear, helpers },
 * `referral.bound` { referrerId }, `referral.rewarded` { inviteeId, orderId, points }, `post.published` { topicCode,
 * photos },
 * `coupon.used` { source: the coupon's source, 'birthday' for a birthday benefit }.
 * A purchase and its refund name the same subject (`order:<id>`, `purchase:<id>`).
 */
export interface AnalyticsEvent {
  key: string;
  type: EventType;
  at: Date;
  memberId: string | null;
  subject: { type: string; id: string } | null;
  props: Record<string, string | number | boolean | null>;
}

/** The counters of one business day (Asia/Shanghai); money in fen, points as integers. */
export const DAILY_COUNTERS = ['newMembers', 'activeMembers', 'orders', 'gmvFen', 'refundedFen', 'pointsIssued', 'pointsRedeemed', 'benefitClaims'] as const;
export type DailyCounter = (typeof DAILY_COUNTERS)[number];
export type DailyCounters = Record<DailyCounter, number>;

export const emptyDailyCounters = (): DailyCounters => ({ newMembers: 0, activeMembers: 0, orders: 0, gmvFen: 0, refundedFen: 0, pointsIssued: 0, pointsRedeemed: 0, benefitClaims: 0 });

/** `2026-06-01`: the business day an instant falls on, the key of the daily rollups. */
export const analyticsDay = (instant: Date): string => formatCalendarDate(businessDate(instant));

const amount = (props: AnalyticsEvent['props'], name: string): number => {
  const value = props[name];
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0;
};

/** What an event adds to its day's counters (activeMembers aside: that needs to know the member's day). */
export function dailyContributions(event: AnalyticsEvent): Partial<DailyCounters> {
  switch (event.type) {
    case 'member.joined':
      return { newMembers: 1 };
    case 'order.paid':
      return { orders: 1, gmvFen: amount(event.props, 'cashFen') };
    case 'purchase.recorded':
      return { orders: 1, gmvFen: amount(event.props, 'amountFen') };
    case 'order.refunded':
    case 'purchase.refunded':
      return { refundedFen: amount(event.props, 'refundFen') };
    case 'points.earned':
      return { pointsIssued: amount(event.props, 'points') };
    case 'points.spent':
      return { pointsRedeemed: amount(event.props, 'points') };
    case 'benefit.claimed':
      return { benefitClaims: 1 };
    default:
      return {};
  }
}

/** Events that are the member's own doing (what makes them active); receiving a message or points is not. */
const MEMBER_ACTIONS: ReadonlySet<EventType> = new Set<EventType>([
  'member.joined',
  'birthday.set',
  'benefit.claimed',
  'order.paid',
  'purchase.recorded',
  'coupon.used',
  'points.spent',
  'help.started',
  'help.assisted',
  'referral.bound',
  'message.opened',
  'post.published',
  'rating.submitted',
  'nps.answered',
  'page.viewed',
  'share.tapped',
  'landing.viewed',
]);

export const isMemberAction = (event: AnalyticsEvent): boolean => event.memberId !== null && MEMBER_ACTIONS.has(event.type);

/** A paid purchase, for the member's RFM (keyed by its subject, which its refund names too). */
export function purchaseOf(event: AnalyticsEvent): { key: string; fen: number } | null {
  if (!event.subject) return null;
  if (event.type === 'order.paid') return { key: `${event.subject.type}:${event.subject.id}`, fen: amount(event.props, 'cashFen') };
  if (event.type === 'purchase.recorded') return { key: `${event.subject.type}:${event.subject.id}`, fen: amount(event.props, 'amountFen') };
  return null;
}

export function refundOf(event: AnalyticsEvent): { key: string; fen: number } | null {
  if (!event.subject || (event.type !== 'order.refunded' && event.type !== 'purchase.refunded')) return null;
  return { key: `${event.subject.type}:${event.subject.id}`, fen: amount(event.props, 'refundFen') };
}

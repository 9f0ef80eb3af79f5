import type { AnalyticsEvent } from '../analytics/rollups.rules.js';
import { npsClassOf } from '../satisfaction/satisfaction.rules.js';
import { SENTIMENT_CLASSES, type SentimentClass } from '../satisfaction/sentiment.rules.js';

/**
 * What one event adds to its day's insights counts: `group.name` → amount. Groups: nps (promoter, passive,
 * detractor), ratings (count, stars, satisfied, star1–star5: how many gave that many), sentiment (the four classes),
 * complaints (lexicon words), messagesSent / messagesOpened (by channel), messagesFailed / messagesSkipped (by reason),
 * failedByChannel / skippedByChannel (by channel: a channel's reach), campaignSent / campaignFailed (by campaign id), community (posts),
 * help (started, unlocked), referrals (bound, rewarded), gmv (allFen, orders: every paid order; birthdayFen: see
 * buyers.rules), claims (started, completed: birthday benefit claims), campaignSms / campaignMessages (messages a
 * campaign sent, by campaign id), campaignCoupons / campaignCouponFen / campaignCouponsNoFace (its coupons used; their face amount, or
 * how many had none), repeat and retention (buyers.rules).
 */
export type InsightsCounts = Record<string, number>;

/** A key our own code or lexicon made, safe as a field name (no dots or dollars, bounded). */
const safeKey = (value: unknown): string | null => {
  if (typeof value !== 'string' || value === '') return null;
  const key = value.replace(/[.$\s]/g, '_').slice(0, 40);
  return key === '' ? null : key;
};

const isSentimentClass = (value: unknown): value is SentimentClass => typeof value === 'string' && (SENTIMENT_CLASSES as readonly string[]).includes(value);

function commentCounts(props: AnalyticsEvent['props']): InsightsCounts {
  const counts: InsightsCounts = {};
  if (isSentimentClass(props.sentiment)) counts[`sentiment.${props.sentiment}`] = 1;
  if (typeof props.complaints === 'string') {
    for (const word of new Set(props.complaints.split(','))) {
      const key = safeKey(word);
      if (key) counts[`complaints.${key}`] = 1;
    }
  }
  return counts;
}

/** A campaign's delivery outcome, for its failure rate (alerts): only campaigns' messages, keyed by the campaign's id. */
function campaignCount(group: 'campaignSent' | 'campaignFailed', props: AnalyticsEvent['props']): InsightsCounts {
  const campaignId = props.purpose === 'campaign' ? safeKey(props.campaignId) : null;
  return campaignId ? { [`${group}.${campaignId}`]: 1 } : {};
}

const amount = (props: AnalyticsEvent['props'], name: string): number => {
  const value = props[name];
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0;
};

/** A message a campaign (any purpose, the birthday programme's too) sent: its cost is priced by channel. */
function campaignMessageCost(props: AnalyticsEvent['props'], channel: string): InsightsCounts {
  const campaignId = safeKey(props.campaignId);
  if (!campaignId) return {};
  return { [`${channel === 'sms' ? 'campaignSms' : 'campaignMessages'}.${campaignId}`]: 1 };
}

/** A campaign's coupon used: its face amount when it has one (amount off), else counted to be priced by the settings. */
function campaignCouponCost(props: AnalyticsEvent['props']): InsightsCounts {
  const campaignId = safeKey(props.campaignId);
  if (!campaignId) return {};
  const face = amount(props, 'faceFen');
  return { [`campaignCoupons.${campaignId}`]: 1, ...(face > 0 ? { [`campaignCouponFen.${campaignId}`]: face } : { [`campaignCouponsNoFace.${campaignId}`]: 1 }) };
}

export function insightsContributions(event: AnalyticsEvent): InsightsCounts {
  const { props } = event;
  const channel = safeKey(props.channel) ?? 'unknown';
  const reason = safeKey(props.reason) ?? 'unknown';
  switch (event.type) {
    case 'nps.answered': {
      const score = props.score;
      if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > 10) return {};
      return { [`nps.${npsClassOf(score)}`]: 1, ...commentCounts(props) };
    }
    case 'rating.submitted': {
      const stars = props.stars;
      if (typeof stars !== 'number' || !Number.isInteger(stars) || stars < 1 || stars > 5) return {};
      return { 'ratings.count': 1, 'ratings.stars': stars, [`ratings.star${stars}`]: 1, ...(stars >= 4 ? { 'ratings.satisfied': 1 } : {}), ...commentCounts(props) };
    }
    case 'message.sent':
      return { [`messagesSent.${channel}`]: 1, ...campaignCount('campaignSent', props), ...campaignMessageCost(props, channel) };
    case 'order.paid':
      return { 'gmv.allFen': amount(props, 'cashFen'), 'gmv.orders': 1 };
    case 'purchase.recorded':
      return { 'gmv.allFen': amount(props, 'amountFen'), 'gmv.orders': 1 };
    case 'benefit.claimStarted':
      return { 'claims.started': 1 };
    case 'benefit.claimed':
      return { 'claims.completed': 1 };
    case 'coupon.used':
      return campaignCouponCost(props);
    case 'message.opened':
      return { [`messagesOpened.${channel}`]: 1 };
    case 'message.failed':
      return { [`messagesFailed.${reason}`]: 1, [`failedByChannel.${channel}`]: 1, ...campaignCount('campaignFailed', props) };
    case 'message.skipped':
      return { [`messagesSkipped.${reason}`]: 1, [`skippedByChannel.${channel}`]: 1 };
    case 'post.published':
      return { 'community.posts': 1 };
    case 'help.started':
      return { 'help.started': 1 };
    case 'help.unlocked':
      return { 'help.unlocked': 1 };
    case 'referral.bound':
      return { 'referrals.bound': 1 };
    case 'referral.rewarded':
      return { 'referrals.rewarded': 1 };
    default:
      return {};
  }
}

export const INSIGHTS_EVENT_TYPES = [
  'nps.answered',
  'rating.submitted',
  'message.sent',
  'message.opened',
  'message.failed',
  'message.skipped',
  'post.published',
  'help.started',
  'help.unlocked',
  'referral.bound',
  'referral.rewarded',
  'order.paid',
  'purchase.recorded',
  'benefit.claimStarted',
  'benefit.claimed',
  'coupon.used',
  'member.deleted',
] as const;

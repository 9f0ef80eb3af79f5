import { z } from 'zod';

/**
 * What happened, once: the facts the analytics, segments, campaigns and consumers read. Commands write them
 * (server events, each with a unique key built from what it records, so a retried command writes nothing new);
 * the mini-program sends the few things only it sees (client events) through `events.track`.
 */
export const SERVER_EVENT_TYPES = [
  'member.joined',
  'member.deleted',
  'birthday.set',
  /** A birthday benefit claim opened (props packageCode, celebrationYear); `benefit.claimed` when it was issued whole. */
  'benefit.claimStarted',
  'benefit.claimed',
  'order.paid',
  'order.fulfilled',
  'order.refunded',
  'coupon.issued',
  'coupon.used',
  'points.earned',
  /** A member's tier rose after a purchase (props from, to, period: the tier year's review day, validUntil). */
  'tier.upgraded',
  'points.spent',
  'help.started',
  'help.assisted',
  'help.unlocked',
  'referral.bound',
  'referral.rewarded',
  'purchase.recorded',
  'purchase.refunded',
  'message.sent',
  'message.opened',
  'post.published',
  'rating.submitted',
  /** A member entered a campaign's audience, in a variant or its holdout (props campaignId, variant). */
  'campaign.assigned',
  // A campaign delivery that did not reach the member (props: reason, purpose, campaignId, channel).
  'message.failed',
  'message.skipped',
  'nps.answered',
  /** An alert was raised: the on-duty operators' notice (props kind, subject, value, threshold; no member). */
  'alert.raised',
] as const;
export type ServerEventType = (typeof SERVER_EVENT_TYPES)[number];

/** Client events: page views of share landings, share taps, what the member opened from a message. */
export const CLIENT_EVENT_TYPES = ['page.viewed', 'share.tapped', 'landing.viewed'] as const;
export type ClientEventType = (typeof CLIENT_EVENT_TYPES)[number];

export type EventType = ServerEventType | ClientEventType;

const isoDateTime = z.iso.datetime({ offset: true });
/** Small flat properties: strings, numbers and booleans (no personal data: ids, amounts, codes). */
const eventProps = z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,31}$/), z.union([z.string().max(200), z.number(), z.boolean(), z.null()]));

export const clientEventSchema = z
  .object({
    type: z.enum(CLIENT_EVENT_TYPES),
    /** The client's own id for this event (a retry of the batch sends it again; it is recorded once). */
    clientEventId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
    at: isoDateTime,
    /** The mini-program page route (`pages/help/card/index`). */
    page: z.string().max(128),
    props: eventProps.refine((props) => Object.keys(props).length <= 12, '最多 12 个属性').default({}),
  })
  .strict();

export const eventsTrackRequest = z.object({ events: z.array(clientEventSchema).min(1).max(50) }).strict();
export const eventsTrackResponse = z.object({ accepted: z.number().int(), duplicates: z.number().int() });

export type ClientEvent = z.infer<typeof clientEventSchema>;

import type { OpsCampaignsReportResponse, ServerEventType } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { EventModel } from '../events/Event.model';
import { CampaignDeliveryModel } from './CampaignDelivery.model';

/** How long after a message what the member does still counts as its follow-up. */
export const FOLLOW_UP_DAYS = 7;
const FOLLOW_UP_MS = FOLLOW_UP_DAYS * 24 * 60 * 60 * 1000;
const BATCH = 1000;

const FOLLOW_UP_EVENTS: Record<keyof OpsCampaignsReportResponse['followUps'], ServerEventType[]> = {
  claimedBenefit: ['benefit.claimed'],
  placedOrder: ['order.paid', 'purchase.recorded'],
};

type Windows = Map<string, { from: number; to: number }[]>;

/**
 * What the members a campaign reached did next: each member counted once per kind (a benefit claimed; an order paid
 * in the mall or a purchase at a till) when the event outbox records it within FOLLOW_UP_DAYS after one of their
 * sent messages. Sent deliveries are read in batches by _id, with the events of each batch's members.
 */
export async function campaignFollowUps(campaignId: Types.ObjectId): Promise<OpsCampaignsReportResponse['followUps']> {
  const members = { claimedBenefit: new Set<string>(), placedOrder: new Set<string>() };
  let afterId: Types.ObjectId | null = null;
  for (;;) {
    const deliveries: { _id: Types.ObjectId; memberId: Types.ObjectId; settledAt: Date | null }[] = await CampaignDeliveryModel.find(
      { campaignId, state: 'sent', ...(afterId ? { _id: { $gt: afterId } } : {}) },
      { memberId: 1, settledAt: 1 },
    )
      .sort({ _id: 1 })
      .limit(BATCH)
      .lean();
    const last = deliveries.at(-1);
    if (!last) break;
    afterId = last._id;
    const windows: Windows = new Map();
    for (const delivery of deliveries) {
      if (!delivery.settledAt) continue;
      const from = delivery.settledAt.getTime();
      const key = delivery.memberId.toHexString();
      windows.set(key, [...(windows.get(key) ?? []), { from, to: from + FOLLOW_UP_MS }]);
    }
    if (windows.size === 0) continue;
    const spans = [...windows.values()].flat();
    const events = await EventModel.find(
      {
        memberId: { $in: deliveries.map((delivery) => delivery.memberId) },
        type: { $in: Object.values(FOLLOW_UP_EVENTS).flat() },
        at: { $gte: new Date(Math.min(...spans.map((span) => span.from))), $lte: new Date(Math.max(...spans.map((span) => span.to))) },
      },
      { memberId: 1, type: 1, at: 1 },
    ).lean();
    for (const event of events) {
      const member = event.memberId?.toHexString();
      const at = event.at.getTime();
      if (!member || !windows.get(member)?.some((span) => at >= span.from && at <= span.to)) continue;
      for (const [kind, types] of Object.entries(FOLLOW_UP_EVENTS) as [keyof typeof members, ServerEventType[]][]) {
        if (types.includes(event.type as ServerEventType)) members[kind].add(member);
      }
    }
  }
  return { claimedBenefit: members.claimedBenefit.size, placedOrder: members.placedOrder.size };
}

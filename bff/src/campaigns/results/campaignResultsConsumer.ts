import { analyticsDay, applyCampaignEvent, CAMPAIGN_RESULT_STEPS, type AnalyticsEvent, type CampaignCredit, type EventType } from '@cakeday/shared';
import { Types } from 'mongoose';
import type { EventConsumer } from '../../events/consumeEvents';
import type { StoredEvent } from '../../events/Event.model';
import { CampaignGmvDayModel } from './CampaignGmvDay.model';
import { CampaignResultModel } from './CampaignResult.model';
import { CampaignTouchesModel } from './CampaignTouches.model';

const APPLIED_KEYS_KEPT = 32;
const RESULT_APPLIED_KEPT = 64;

/** The events that move a campaign's results. */
export const CAMPAIGN_RESULT_EVENT_TYPES: readonly EventType[] = ['campaign.assigned', 'message.sent', 'message.opened', 'benefit.claimed', 'coupon.used', 'order.paid', 'purchase.recorded', 'member.deleted'];

/** The attribution window in force when the event happened (settings `attribution.windowDays`). */
export type AttributionWindow = (at: Date) => Promise<number>;

/** Where tests place a crash: after the results were added to, before the member's touches were written. */
export interface CampaignResultsFaults {
  afterResults?: (event: StoredEvent) => void;
}

const toAnalyticsEvent = (event: StoredEvent): AnalyticsEvent => ({
  key: event.key,
  type: event.type,
  at: event.at,
  memberId: event.memberId ? event.memberId.toHexString() : null,
  subject: event.subject,
  props: event.props,
});

/** Adds to a variant's results once per event: the document is created first, then added to if it has not applied the event. */
async function addToResult(campaignId: string, variant: string, eventId: string, increments: Record<string, number>): Promise<void> {
  if (!Types.ObjectId.isValid(campaignId)) return;
  const _id = `${campaignId}:${variant}`;
  await CampaignResultModel.updateOne(
    { _id },
    { $setOnInsert: { campaignId: new Types.ObjectId(campaignId), variant, ...Object.fromEntries(CAMPAIGN_RESULT_STEPS.map((step) => [step, 0])), attributedOrders: 0, gmvFen: 0, applied: [] } },
    { upsert: true },
  );
  await CampaignResultModel.updateOne({ _id, applied: { $ne: eventId } }, { $inc: increments, $push: { applied: { $each: [eventId], $slice: -RESULT_APPLIED_KEPT } } });
}

/** The day's attributed GMV per campaign (for ROI over a range), once per event like the results. */
async function addToGmvDay(day: string, eventId: string, credits: readonly CampaignCredit[]): Promise<void> {
  const inc: Record<string, number> = {};
  for (const credit of credits) {
    const fen = credit.increments.gmvFen ?? 0;
    if (fen > 0 && Types.ObjectId.isValid(credit.campaignId)) inc[`gmvFen.${credit.campaignId}`] = (inc[`gmvFen.${credit.campaignId}`] ?? 0) + fen;
  }
  if (Object.keys(inc).length === 0) return;
  await CampaignGmvDayModel.updateOne({ _id: day }, { $setOnInsert: { gmvFen: {}, applied: [] } }, { upsert: true });
  await CampaignGmvDayModel.updateOne({ _id: day, applied: { $ne: eventId } }, { $inc: inc, $push: { applied: { $each: [eventId], $slice: -RESULT_APPLIED_KEPT } } });
}

/**
 * Keeps each campaign's results from the event outbox: what a member's event counts for is decided from the
 * member's touches (the campaigns they were assigned to, the steps already counted), added to the campaigns'
 * results, then written on the member's touches; both writes are guarded by the event's id, so a re-delivery after a
 * crash between them adds nothing twice and writes the touches it missed.
 */
export function createCampaignResultsConsumer(attributionWindow: AttributionWindow, faults: CampaignResultsFaults = {}): EventConsumer {
  return {
    name: 'campaign-results',
    types: CAMPAIGN_RESULT_EVENT_TYPES,
    handle: async (stored) => {
      if (!stored.memberId) return;
      if (stored.type === 'member.deleted') {
        await CampaignTouchesModel.deleteOne({ _id: stored.memberId });
        return;
      }
      const eventId = stored._id.toHexString();
      const touches = await CampaignTouchesModel.findById(stored.memberId).lean();
      if (touches?.applied.includes(eventId)) return;
      // Only an assignment starts a member's touches: other events of members no campaign reached change nothing.
      if (!touches && stored.type !== 'campaign.assigned') return;
      const { touches: next, credits } = applyCampaignEvent(touches?.campaigns ?? [], toAnalyticsEvent(stored), await attributionWindow(stored.at));
      for (const credit of credits) await addToResult(credit.campaignId, credit.variant, eventId, credit.increments);
      await addToGmvDay(analyticsDay(stored.at), eventId, credits);
      faults.afterResults?.(stored);
      if (credits.length === 0 && touches) return;
      if (!touches) await CampaignTouchesModel.updateOne({ _id: stored.memberId }, { $setOnInsert: { campaigns: [], applied: [] } }, { upsert: true });
      await CampaignTouchesModel.updateOne({ _id: stored.memberId, applied: { $ne: eventId } }, { $set: { campaigns: next }, $push: { applied: { $each: [eventId], $slice: -APPLIED_KEYS_KEPT } } });
    },
  };
}

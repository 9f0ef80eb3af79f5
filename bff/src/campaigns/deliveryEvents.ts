import { channelOf, variantOf } from './results/recordCampaignEvents';
import type { ServerEventType } from '@cakeday/shared';
import { Types } from 'mongoose';
import { eventKey, recordEvents, type EventDraft } from '../events/recordEvent';
import { CampaignModel, type Campaign } from './Campaign.model';
import { CampaignDeliveryModel, type CampaignDelivery } from './CampaignDelivery.model';

/** The channel campaign deliveries go out on (SMS and others name theirs). */
export const SUBSCRIPTION_CHANNEL = 'wechat_subscription';
const BATCH = 1000;

/** What analytics calls a campaign's messages: the birthday programme's, or any other campaign's. */
export const messagePurposeOf = (campaign: Pick<Campaign, 'trigger'> | null): string => (campaign?.trigger.kind === 'birthday' ? 'birthday' : 'campaign');

/** Why a delivery failed: WeChat's errcode, or Tencent's code for an SMS it refused. */
const failureOf = (delivery: Pick<CampaignDelivery, 'errcode' | 'smsCode'>): string =>
  delivery.errcode !== null && delivery.errcode !== undefined ? `errcode_${delivery.errcode}` : delivery.smsCode ? `sms_${delivery.smsCode}` : 'failed';

function outcomeOf(delivery: Pick<CampaignDelivery, 'state' | 'skipReason' | 'errcode' | 'smsCode'>): { type: ServerEventType; props: Record<string, string> } | null {
  switch (delivery.state) {
    case 'sent':
      return { type: 'message.sent', props: {} };
    case 'failed':
      return { type: 'message.failed', props: { reason: failureOf(delivery) } };
    case 'unknown':
      return { type: 'message.failed', props: { reason: 'unknown' } };
    case 'skipped':
      return { type: 'message.skipped', props: { reason: delivery.skipReason ?? 'unknown' } };
    default:
      return null;
  }
}

async function purposes(campaignIds: readonly Types.ObjectId[]): Promise<Map<string, string>> {
  const campaigns = await CampaignModel.find({ _id: { $in: campaignIds } }, { trigger: 1 }).lean();
  return new Map(campaigns.map((campaign) => [campaign._id.toHexString(), messagePurposeOf(campaign)]));
}

/**
 * The settled deliveries' outcomes as events, each once (`message.sent:<deliveryKey>`, `message.failed:…`,
 * `message.skipped:…`). Every settle (a worker's, the settle job's, a stopped campaign's, a holdout's) marks the
 * delivery `eventPending` in the write that settles it; this job records the marked ones in batches and clears the
 * mark, so dispatch pays nothing for analytics and a crash anywhere leaves marks for the next run.
 */
export async function recordPendingDeliveryEvents(now: Date, maxBatches = 10): Promise<number> {
  let recorded = 0;
  for (let batch = 0; batch < maxBatches; batch += 1) {
    const pending = await CampaignDeliveryModel.find({ eventPending: true }).sort({ settledAt: 1, _id: 1 }).limit(BATCH).lean();
    if (pending.length === 0) break;
    const purposeOf = await purposes([...new Set(pending.map((delivery) => delivery.campaignId.toHexString()))].map((id) => new Types.ObjectId(id)));
    const drafts: EventDraft[] = [];
    for (const delivery of pending) {
      const outcome = outcomeOf(delivery);
      if (!outcome) continue;
      drafts.push({
        type: outcome.type,
        key: eventKey(outcome.type, delivery.key),
        at: delivery.settledAt ?? now,
        memberId: delivery.memberId,
        subject: { type: 'campaign_delivery', id: delivery._id.toHexString() },
        props: {
          ...outcome.props,
          purpose: purposeOf.get(delivery.campaignId.toHexString()) ?? 'campaign',
          campaignId: delivery.campaignId.toHexString(),
          // The same props as the dispatcher's own record of a send (results/recordCampaignEvents.ts): either may come first.
          variant: variantOf(delivery),
          channel: channelOf(delivery),
        },
      });
    }
    await recordEvents(drafts, now);
    await CampaignDeliveryModel.updateMany({ _id: { $in: pending.map((delivery) => delivery._id) }, eventPending: true }, { $set: { eventPending: false } });
    recorded += drafts.length;
    if (pending.length < BATCH) break;
  }
  return recorded;
}

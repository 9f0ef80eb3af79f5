import { DEFAULT_VARIANT } from '@cakeday/shared';
import { type Types } from 'mongoose';
import { eventKey, insertEvents, recordEvent } from '../../events/recordEvent';
import { messagePurposeOf, SUBSCRIPTION_CHANNEL } from '../deliveryEvents';
import type { Campaign } from '../Campaign.model';
import { CampaignDeliveryModel, type CampaignDelivery } from '../CampaignDelivery.model';

/** What the birthday funnel and the campaign's results read a message as: the birthday programme's or another campaign's. */

/** The channel a delivery's events name (deliveries stored before SMS went by subscription message). */
export const channelOf = (delivery: Pick<CampaignDelivery, 'channel'>): string => (delivery.channel === 'sms' ? 'sms' : SUBSCRIPTION_CHANNEL);
/** The reason `message.failed` names for an SMS Tencent sent that its receipt says never reached the phone. */
export const SMS_UNDELIVERED = 'sms_undelivered';
export const variantOf = (delivery: Pick<CampaignDelivery, 'variant'>): string => delivery.variant ?? DEFAULT_VARIANT;

/**
 * `campaign.assigned` for each member of a materialised batch, once per member and campaign, with the variant the
 * stored delivery got (a repeated batch finds the stored one): bulk, unordered, duplicates ignored. Called after the
 * batch's deliveries are inserted and before the cursor moves, so a crash repeats it.
 */
export async function recordAssignments(campaign: Pick<Campaign, '_id'>, memberIds: readonly Types.ObjectId[], now: Date): Promise<void> {
  if (memberIds.length === 0) return;
  const deliveries = await CampaignDeliveryModel.find({ campaignId: campaign._id, memberId: { $in: [...memberIds] } }, { memberId: 1, variant: 1 }).lean();
  const byMember = new Map(deliveries.map((delivery) => [delivery.memberId.toHexString(), delivery]));
  const campaignId = campaign._id.toHexString();
  const drafts = [...byMember.values()].map((delivery) => ({
    key: eventKey('campaign.assigned', campaignId, delivery.memberId.toHexString()),
    type: 'campaign.assigned' as const,
    at: now,
    recordedAt: now,
    source: 'server' as const,
    memberId: delivery.memberId,
    subject: { type: 'campaign', id: campaignId },
    props: { campaignId, variant: variantOf(delivery) },
  }));
  await insertEvents(drafts);
}

/**
 * `message.sent`: WeChat accepted the delivery's message. Recorded when the outcome is known and before the delivery
 * settles as sent (its key names the delivery), so a crash between the two leaves the fact recorded.
 */
export async function recordDeliverySent(delivery: Pick<CampaignDelivery, '_id' | 'key' | 'memberId' | 'campaignId' | 'variant' | 'channel'>, campaign: Pick<Campaign, 'trigger'>, now: Date): Promise<void> {
  await recordEvent(
    {
      type: 'message.sent',
      key: eventKey('message.sent', delivery.key),
      at: now,
      memberId: delivery.memberId,
      subject: { type: 'campaign_delivery', id: delivery._id.toHexString() },
      props: { purpose: messagePurposeOf(campaign), campaignId: delivery.campaignId.toHexString(), variant: variantOf(delivery), channel: channelOf(delivery) },
    },
    now,
  );
}

/**
 * `message.failed` (reason `sms_undelivered`): Tencent sent the delivery's SMS (`message.sent`) and its receipt says
 * it never reached the phone. Recorded before the delivery notes the receipt, once by the delivery's key.
 */
export async function recordSmsUndelivered(delivery: Pick<CampaignDelivery, '_id' | 'key' | 'memberId' | 'campaignId' | 'variant' | 'channel'>, campaign: Pick<Campaign, 'trigger'> | null, now: Date): Promise<void> {
  await recordEvent(
    {
      type: 'message.failed',
      key: eventKey('message.failed', delivery.key),
      at: now,
      memberId: delivery.memberId,
      subject: { type: 'campaign_delivery', id: delivery._id.toHexString() },
      props: { reason: SMS_UNDELIVERED, purpose: messagePurposeOf(campaign), campaignId: delivery.campaignId.toHexString(), variant: variantOf(delivery), channel: channelOf(delivery) },
    },
    now,
  );
}

/**
 * `message.opened`: the member opened the delivery's message (came in by its landing page, or read it in 消息中心),
 * once per delivery: the only writer of this event (openDelivery.ts calls it for both). `at` is the first open and
 * `scene` the mini-program's launch scene (1014: the subscription message's card), when the landing page knew it.
 */
export async function recordDeliveryOpened(
  delivery: Pick<CampaignDelivery, '_id' | 'key' | 'memberId' | 'campaignId' | 'variant' | 'channel'>,
  campaign: Pick<Campaign, 'trigger'> | null,
  now: Date,
  opened: { at?: Date; scene?: number } = {},
): Promise<void> {
  await recordEvent(
    {
      type: 'message.opened',
      key: eventKey('message.opened', delivery.key),
      at: opened.at ?? now,
      memberId: delivery.memberId,
      subject: { type: 'campaign_delivery', id: delivery._id.toHexString() },
      props: {
        purpose: messagePurposeOf(campaign),
        campaignId: delivery.campaignId.toHexString(),
        variant: variantOf(delivery),
        channel: channelOf(delivery),
        ...(opened.scene === undefined ? {} : { scene: opened.scene }),
      },
    },
    now,
  );
}

import { SUBSCRIPTION_TEMPLATES, type DeliveryState, type SkipReason } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { deliverToInbox } from '../messages/deliverToInbox';
import type { Member } from '../members/Member.model';
import type { Campaign } from './Campaign.model';
import { CampaignDeliveryModel, type CampaignDelivery } from './CampaignDelivery.model';

/** The landing page with the delivery in its query: the open is recorded from it. */
export const landingPage = (campaign: Pick<Campaign, 'message'>, deliveryId: Types.ObjectId): string => `${campaign.message.page}?delivery=${deliveryId.toHexString()}`;

/** The delivery's copy in 消息中心 (whatever happened to the subscription message). */
export async function deliverCopyToInbox(delivery: Pick<CampaignDelivery, '_id' | 'key' | 'memberId'>, campaign: Pick<Campaign, 'message'>, data: Record<string, string>, now: Date): Promise<void> {
  const fields = SUBSCRIPTION_TEMPLATES[campaign.message.template].fields;
  await deliverToInbox(
    {
      memberId: delivery.memberId,
      key: delivery.key,
      title: campaign.message.inboxTitle,
      lines: Object.entries(fields).map(([key, label]) => ({ label, value: data[key] ?? '' })),
      page: landingPage(campaign, delivery._id),
    },
    now,
  );
}

export interface Settlement {
  state: Extract<DeliveryState, 'sent' | 'failed' | 'skipped' | 'unknown'>;
  msgId?: string | null;
  errcode?: number | null;
  skipReason?: SkipReason | null;
  /** Set when the settlement decides it (an SMS, 消息中心 only); left as it is otherwise. */
  channel?: 'subscription' | 'sms' | 'inbox';
  smsSerialNo?: string | null;
  smsCode?: string | null;
  /** Tencent's receipt, when it is what settles the SMS (a crashed send). */
  smsReport?: 'delivered' | 'undelivered';
}

/**
 * Moves a delivery from `from` to its final state, once (false when another worker or the sweeper settled it first),
 * marking its outcome's event pending in the same write (recordPendingDeliveryEvents records it).
 */
export async function settleDelivery(deliveryId: Types.ObjectId, from: 'queued' | 'sending', settlement: Settlement, now: Date, leaseOwner?: string): Promise<boolean> {
  const moved = await CampaignDeliveryModel.updateOne(
    { _id: deliveryId, state: from, ...(leaseOwner ? { leaseOwner } : {}) },
    {
      $set: {
        state: settlement.state,
        msgId: settlement.msgId ?? null,
        errcode: settlement.errcode ?? null,
        skipReason: settlement.skipReason ?? null,
        settledAt: now,
        leaseOwner: null,
        leaseUntil: null,
        ...(settlement.channel ? { channel: settlement.channel } : {}),
        ...(settlement.smsSerialNo !== undefined ? { smsSerialNo: settlement.smsSerialNo } : {}),
        ...(settlement.smsCode !== undefined ? { smsCode: settlement.smsCode } : {}),
        ...(settlement.smsReport ? { smsReport: settlement.smsReport, smsReportedAt: now } : {}),
        eventPending: true,
      },
    },
  );
  return moved.modifiedCount === 1;
}

/**
 * WeChat or Tencent gave no answer (a timeout, a broken connection): the message may have gone. The delivery stays
 * `sending`, out of any lease, for the receipt or the settle window to decide (settleSendingDeliveries), and says why,
 * so that an `unknown` it may end in is explained.
 */
export async function leaveUnanswered(deliveryId: Types.ObjectId, now: Date): Promise<void> {
  await CampaignDeliveryModel.updateOne({ _id: deliveryId, state: 'sending' }, { $set: { leaseOwner: null, leaseUntil: null, unansweredAt: now } });
}

export type MemberForSend = Pick<Member, '_id' | 'openid' | 'status' | 'nickname' | 'birthday' | 'phone' | 'lifecycle'>;

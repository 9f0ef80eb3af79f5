import type { AppDeps } from '../http/deps';
import { MemberModel } from '../members/Member.model';
import { settleSent } from '../subscriptions/quotaLedger';
import { SendReceiptModel } from '../subscriptions/SendReceipt.model';
import { CampaignModel } from './Campaign.model';
import { renderMessage } from './campaignMessage';
import { campaignForVariant } from './campaignVariant';
import { campaignVariables } from './campaignVariables';
import { CampaignDeliveryModel, type CampaignDelivery } from './CampaignDelivery.model';
import { deliverCopyToInbox, settleDelivery } from './deliverySteps';
import { recordDeliverySent, recordSmsUndelivered } from './results/recordCampaignEvents';
import { purgeSendRateWindows } from './sendRate';
import { SmsReceiptModel } from '../sms/SmsReceipt.model';

export interface SettleResult {
  byReceipt: number;
  unknown: number;
  waiting: number;
}

/** A receipt for the delivery's (openid, template) that no other delivery accounts for, claimed once. */
async function claimReceipt(delivery: CampaignDelivery): Promise<{ msgId: string; errorCode: number } | null> {
  if (!delivery.sentTo || !delivery.templateId) return null;
  const receipts = await SendReceiptModel.find({ openid: delivery.sentTo, templateId: delivery.templateId, claimedBy: null }).sort({ at: 1, _id: 1 }).lean();
  for (const receipt of receipts) {
    const owner = await CampaignDeliveryModel.findOne({ msgId: receipt._id }, { key: 1 }).lean();
    if (owner) {
      await SendReceiptModel.updateOne({ _id: receipt._id, claimedBy: null }, { $set: { claimedBy: owner.key } });
      continue;
    }
    const claimed = await SendReceiptModel.findOneAndUpdate({ _id: receipt._id, claimedBy: null }, { $set: { claimedBy: delivery.key } }, { returnDocument: 'after' }).lean();
    if (claimed) return { msgId: claimed._id, errorCode: claimed.errorCode };
  }
  return null;
}

/**
 * For a delivery that went by SMS: Tencent's receipt for its member at or after its send began that no other
 * delivery accounts for (by SerialNo), claimed once.
 */
async function claimSmsReceipt(delivery: CampaignDelivery): Promise<{ serialNo: string; delivered: boolean } | null> {
  if (!delivery.sendingAt) return null;
  const receipts = await SmsReceiptModel.find({ memberId: delivery.memberId, claimedBy: null, receivedAt: { $gte: delivery.sendingAt } }).sort({ receivedAt: 1, _id: 1 }).lean();
  for (const receipt of receipts) {
    const owner = await CampaignDeliveryModel.findOne({ smsSerialNo: receipt._id }, { key: 1 }).lean();
    if (owner) {
      await SmsReceiptModel.updateOne({ _id: receipt._id, claimedBy: null }, { $set: { claimedBy: owner.key } });
      continue;
    }
    const claimed = await SmsReceiptModel.findOneAndUpdate({ _id: receipt._id, claimedBy: null }, { $set: { claimedBy: delivery.key } }, { returnDocument: 'after' }).lean();
    if (claimed) return { serialNo: claimed._id, delivered: claimed.delivered };
  }
  return null;
}

async function inboxCopy(delivery: CampaignDelivery, now: Date): Promise<void> {
  const [campaign, member] = await Promise.all([CampaignModel.findById(delivery.campaignId).lean(), MemberModel.findById(delivery.memberId, { nickname: 1, birthday: 1, status: 1 }).lean()]);
  if (!campaign || !member || member.status !== 'active') return;
  const sent = campaignForVariant(campaign, delivery.variant);
  await deliverCopyToInbox(delivery, sent, renderMessage(sent.message, { ...campaignVariables(member, campaign, delivery.sendingAt ?? now), ...delivery.variables }).data, now);
}

/** The receipt says WeChat (or Tencent) sent it: the fact is recorded before the delivery settles (once, by the delivery's key). */
async function recordSentFromReceipt(delivery: CampaignDelivery, now: Date): Promise<void> {
  const campaign = await CampaignModel.findById(delivery.campaignId, { trigger: 1 }).lean();
  if (campaign) await recordDeliverySent(delivery, campaign, now);
}

/**
 * Deliveries left in `sending` by a worker that crashed or got no answer from WeChat (no lease, or an expired one):
 * WeChat's receipt (subscribe_msg_sent_event) for the same openid and template settles one as sent; without one
 * within CAMPAIGN_SENDING_SETTLE_MINUTES of its send it becomes `unknown`. Neither path sends again; the quota
 * hold counts as used (WeChat's count is the one that matters, and it may have been used).
 */
export async function settleSendingDeliveries(deps: Pick<AppDeps, 'now' | 'config'>): Promise<SettleResult> {
  const now = deps.now();
  const windowStart = new Date(now.getTime() - deps.config.CAMPAIGN_SENDING_SETTLE_MINUTES * 60_000);
  const stale = await CampaignDeliveryModel.find({ state: 'sending', $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] }).sort({ sendingAt: 1, _id: 1 }).limit(500).lean();
  const result: SettleResult = { byReceipt: 0, unknown: 0, waiting: 0 };
  for (const delivery of stale) {
    let settled = false;
    if (delivery.channel === 'sms') {
      const smsReceipt = await claimSmsReceipt(delivery);
      if (smsReceipt) {
        // Tencent sent it (delivered to the phone or not, as the same receipt would say of an answered send).
        await recordSentFromReceipt(delivery, now);
        if (!smsReceipt.delivered) await recordSmsUndelivered(delivery, await CampaignModel.findById(delivery.campaignId, { trigger: 1 }).lean(), now);
        settled = await settleDelivery(delivery._id, 'sending', { state: 'sent', smsSerialNo: smsReceipt.serialNo, smsReport: smsReceipt.delivered ? 'delivered' : 'undelivered' }, now);
        if (settled) result.byReceipt += 1;
      } else if (delivery.sendingAt && delivery.sendingAt.getTime() <= windowStart.getTime()) {
        settled = await settleDelivery(delivery._id, 'sending', { state: 'unknown' }, now);
        if (settled) result.unknown += 1;
      } else {
        result.waiting += 1;
      }
      if (settled) await inboxCopy(delivery, now);
      continue;
    }
    const receipt = await claimReceipt(delivery);
    if (receipt) {
      if (receipt.errorCode === 0) await recordSentFromReceipt(delivery, now);
      settled = await settleDelivery(delivery._id, 'sending', receipt.errorCode === 0 ? { state: 'sent', msgId: receipt.msgId } : { state: 'failed', msgId: receipt.msgId, errcode: receipt.errorCode }, now);
      if (settled) result.byReceipt += 1;
    } else if (delivery.sendingAt && delivery.sendingAt.getTime() <= windowStart.getTime()) {
      settled = await settleDelivery(delivery._id, 'sending', { state: 'unknown' }, now);
      if (settled) result.unknown += 1;
    } else {
      result.waiting += 1;
    }
    if (!settled) continue;
    if (delivery.templateId) await settleSent(delivery.memberId, delivery.templateId, delivery.key, now);
    await inboxCopy(delivery, now);
  }
  await purgeSendRateWindows(now);
  return result;
}

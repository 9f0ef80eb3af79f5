import { CampaignModel } from '../campaigns/Campaign.model';
import { CampaignDeliveryModel } from '../campaigns/CampaignDelivery.model';
import { recordSmsUndelivered } from '../campaigns/results/recordCampaignEvents';
import { SmsReceiptModel } from './SmsReceipt.model';

/**
 * A receipt for a delivery's SerialNo tells the delivery whether the SMS reached the phone, once: an undelivered SMS
 * is recorded as `message.failed` first (keyed by the delivery), then the report is written; a later post of the
 * same receipt finds the report and changes nothing, a post after a crash in between finishes it.
 */
export async function applySmsReceipts(sids: readonly string[], now: Date): Promise<void> {
  if (sids.length === 0) return;
  const receipts = await SmsReceiptModel.find({ _id: { $in: sids } }).lean();
  for (const receipt of receipts) {
    const unreported = await CampaignDeliveryModel.findOne({ smsSerialNo: receipt._id, smsReport: null }).lean();
    if (!unreported) continue;
    if (!receipt.delivered) await recordSmsUndelivered(unreported, await CampaignModel.findById(unreported.campaignId, { trigger: 1 }).lean(), now);
    const delivery = await CampaignDeliveryModel.findOneAndUpdate(
      { _id: unreported._id, smsReport: null },
      { $set: { smsReport: receipt.delivered ? 'delivered' : 'undelivered', smsReportedAt: now } },
      { projection: { key: 1 } },
    ).lean();
    if (delivery) await SmsReceiptModel.updateOne({ _id: receipt._id, claimedBy: null }, { $set: { claimedBy: delivery.key } });
  }
}

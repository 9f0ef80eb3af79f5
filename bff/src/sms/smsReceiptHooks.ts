import { CampaignDeliveryModel } from '../campaigns/CampaignDelivery.model';
import { SmsReceiptModel } from './SmsReceipt.model';

/** A receipt for a delivery's SerialNo tells the delivery whether the SMS reached the phone (once: a later post changes nothing). */
export async function applySmsReceipts(sids: readonly string[], now: Date): Promise<void> {
  if (sids.length === 0) return;
  const receipts = await SmsReceiptModel.find({ _id: { $in: sids } }).lean();
  for (const receipt of receipts) {
    const delivery = await CampaignDeliveryModel.findOneAndUpdate(
      { smsSerialNo: receipt._id, smsReport: null },
      { $set: { smsReport: receipt.delivered ? 'delivered' : 'undelivered', smsReportedAt: now } },
      { projection: { key: 1 } },
    ).lean();
    if (delivery) await SmsReceiptModel.updateOne({ _id: receipt._id, claimedBy: null }, { $set: { claimedBy: delivery.key } });
  }
}

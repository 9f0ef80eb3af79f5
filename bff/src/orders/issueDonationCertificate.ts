import { businessDate } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { DonationCertificateModel } from './DonationCertificate.model';
import { crashPoint, type OrderContext } from './orderContext';

/** Each lost race means another fulfilment took a number, so this bounds the wait of one under heavy contention. */
const MAX_ATTEMPTS = 50;

export const formatCertificateNo = (year: number, seq: number): string => `GY${year}-${String(seq).padStart(6, '0')}`;

/**
 * The order's donation certificate number, taken once: the next free number of the current Shanghai business year.
 * Taking a number is inserting its certificate, keyed both by the number and by the order, so a crash after the
 * insert leaves the number with its order (the retry finds it), two fulfilments of one order end with one number,
 * and two orders never share one. No counter runs ahead of the certificates, so the numbers have no gaps.
 */
export async function issueDonationCertificate(orderId: Types.ObjectId, context: OrderContext): Promise<string> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const held = await DonationCertificateModel.findOne({ orderId }, { certificateNo: 1 }).lean();
    if (held) return held.certificateNo;
    const { year } = businessDate(context.now);
    const last = await DonationCertificateModel.findOne({ year }, { seq: 1 }).sort({ seq: -1 }).lean();
    const seq = (last?.seq ?? 0) + 1;
    const certificateNo = formatCertificateNo(year, seq);
    try {
      await DonationCertificateModel.create({ orderId, year, seq, certificateNo, issuedAt: context.now });
    } catch (error) {
      // The number went to another order, or this order got one in a concurrent fulfilment: look again.
      if (isDuplicateKeyError(error)) continue;
      throw error;
    }
    crashPoint(context, 'certificate_issued');
    return certificateNo;
  }
  throw new Error(`no donation certificate number for order ${orderId.toHexString()} after ${MAX_ATTEMPTS} attempts`);
}

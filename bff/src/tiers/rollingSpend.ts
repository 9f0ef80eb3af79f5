import { rollingSpendWindowStart } from '@cakeday/shared';
import { Types } from 'mongoose';
import { PaidSpendModel } from './PaidSpend.model';

/** Paid spend (fen, net of refunds) over the rolling 12 months ending now. */
export async function rollingSpendFen(memberId: string, now: Date): Promise<number> {
  const [total] = await PaidSpendModel.aggregate<{ total: number }>([
    { $match: { memberId: new Types.ObjectId(memberId), paidAt: { $gte: rollingSpendWindowStart(now), $lte: now } } },
    { $group: { _id: null, total: { $sum: '$amountFen' } } },
  ]);
  return Math.max(0, total?.total ?? 0);
}

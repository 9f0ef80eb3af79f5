import { expiringSoonCutoff, toBusinessIso, type PointsSummary } from '@cakeday/shared';
import { Types } from 'mongoose';
import { expiringBefore } from './ledgerMath';
import { PointsAccountModel } from './PointsAccount.model';

export async function pointsSummary(memberId: string, now: Date): Promise<PointsSummary> {
  const account = await PointsAccountModel.findById(new Types.ObjectId(memberId)).lean();
  const cutoff = expiringSoonCutoff(now);
  const soon = expiringBefore(account?.lots ?? [], now, cutoff);
  return {
    balance: account?.balance ?? 0,
    expiringSoon: {
      points: soon.points,
      before: toBusinessIso(cutoff),
      firstExpiresAt: soon.firstExpiresAt ? toBusinessIso(soon.firstExpiresAt) : null,
    },
  };
}

import { pointsReasons } from '@cakeday/shared';
import { Types } from 'mongoose';
import { postEntry } from './ledger';
import { PointsAccountModel } from './PointsAccount.model';

export interface ExpirePointsResult {
  lotsExpired: number;
  pointsExpired: number;
}

/**
 * The expiry job: every lot whose expiry has passed leaves the balance through an `expire` entry keyed by
 * the lot, so running the job twice (or on two instances) expires each lot once.
 */
export async function expirePoints(context: { now: Date; memberId?: string }): Promise<ExpirePointsResult> {
  const filter = {
    'lots.expiresAt': { $lte: context.now },
    ...(context.memberId ? { _id: new Types.ObjectId(context.memberId) } : {}),
  };
  const accounts = await PointsAccountModel.find(filter, { lots: 1 }).lean();
  const result: ExpirePointsResult = { lotsExpired: 0, pointsExpired: 0 };
  for (const account of accounts) {
    for (const lot of account.lots.filter((candidate) => candidate.expiresAt.getTime() <= context.now.getTime())) {
      const entry = await postEntry(
        {
          memberId: account._id,
          key: `expire:${lot.lotId}`,
          kind: 'expire',
          requested: 0,
          reasonCode: 'expired',
          reason: pointsReasons.expired,
          reference: { type: 'lot', id: lot.lotId },
          expiresAt: null,
          targetId: lot.lotId,
        },
        context.now,
      );
      result.lotsExpired += 1;
      result.pointsExpired -= entry.delta ?? 0;
    }
  }
  return result;
}

import { Types } from 'mongoose';
import { applyClawback, applyEarn, applyExpire, applyRestore, applySpend, type AccountState, type AppliedChange, type PointsLot, type Refusal } from './ledgerMath';
import { PointsEntryModel, type PointsEntry } from './PointsEntry.model';

export type Effect = (state: AccountState) => AppliedChange | Refusal;

/** An earn's lot is named after the entry that formed it. */
export function lotIdOf(entry: Pick<PointsEntry, '_id'>): string {
  return entry._id.toHexString();
}

/** A restored lot is `<original lot>:r:<restoring entry>`; its expiry is the original earn's. */
function originalLotId(lotId: string): string {
  return lotId.split(':')[0] ?? lotId;
}

async function restoredLots(reversal: PointsEntry, spend: PointsEntry): Promise<PointsLot[]> {
  const earlier = await PointsEntryModel.find({
    kind: 'reverse',
    targetId: reversal.targetId,
    state: 'applied',
    _id: { $ne: reversal._id },
  }).lean();
  let alreadyRestored = earlier.reduce((sum, entry) => sum + (entry.delta ?? 0), 0);
  let left = reversal.requested;
  const earnIds = spend.allocations.map((allocation) => originalLotId(allocation.lotId)).filter((id) => Types.ObjectId.isValid(id));
  const earns = await PointsEntryModel.find({ _id: { $in: earnIds.map((id) => new Types.ObjectId(id)) } }).lean();
  const expiryOf = (lotId: string): Date => earns.find((earn) => lotIdOf(earn) === originalLotId(lotId))?.expiresAt ?? reversal.createdAt;
  const lots: PointsLot[] = [];
  // Walk the spend's lots latest-expiring first, so the member gets back the points that last longest.
  for (const allocation of [...spend.allocations].reverse()) {
    const taken = -allocation.amount;
    const skip = Math.min(taken, alreadyRestored);
    alreadyRestored -= skip;
    const amount = Math.min(taken - skip, left);
    if (amount <= 0) continue;
    left -= amount;
    lots.push({
      lotId: `${originalLotId(allocation.lotId)}:r:${reversal._id.toHexString()}`,
      earnedAt: reversal.createdAt,
      expiresAt: expiryOf(allocation.lotId),
      amount,
      remaining: amount,
    });
  }
  return lots;
}

/** What an entry does to an account, computed from stored data only, so any re-run computes the same. */
export async function effectOf(entry: PointsEntry): Promise<Effect> {
  switch (entry.kind) {
    case 'earn': {
      const lot = { lotId: lotIdOf(entry), earnedAt: entry.createdAt, expiresAt: entry.expiresAt ?? entry.createdAt, amount: entry.requested };
      return (state) => applyEarn(state, lot);
    }
    case 'spend':
      return (state) => applySpend(state, entry.requested, entry.createdAt);
    case 'adjust': {
      // A deduction spends like a member would (never into debt); an addition forms a lot like an earn.
      if (entry.direction === 'debit') return (state) => applySpend(state, entry.requested, entry.createdAt);
      const lot = { lotId: lotIdOf(entry), earnedAt: entry.createdAt, expiresAt: entry.expiresAt ?? entry.createdAt, amount: entry.requested };
      return (state) => applyEarn(state, lot);
    }
    case 'expire':
      return (state) => applyExpire(state, entry.targetId ?? '', entry.createdAt);
    case 'reverse': {
      const target = await PointsEntryModel.findOne({ key: entry.targetId }).lean();
      if (target?.kind === 'spend') {
        const lots = await restoredLots(entry, target);
        return (state) => applyRestore(state, lots);
      }
      const sourceLotId = target ? lotIdOf(target) : '';
      return (state) => applyClawback(state, entry.requested, sourceLotId);
    }
  }
}

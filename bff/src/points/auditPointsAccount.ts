import { Types } from 'mongoose';
import { PointsAccountModel } from './PointsAccount.model';
import { PointsEntryModel } from './PointsEntry.model';

export interface PointsAudit {
  balance: number;
  ledgerSum: number;
  lotsSum: number;
  pendingCount: number;
  negativeLots: number;
  consistent: boolean;
}

/** Does the balance agree with the ledger and the lots? (Ops checks and tests.) */
export async function auditPointsAccount(memberId: string): Promise<PointsAudit> {
  const id = new Types.ObjectId(memberId);
  const account = await PointsAccountModel.findById(id).lean();
  const applied = await PointsEntryModel.find({ memberId: id, state: 'applied' }, { delta: 1 }).lean();
  const balance = account?.balance ?? 0;
  const appliedIds = new Set(applied.map((entry) => entry._id.toHexString()));
  // An entry named in `pending` and not yet marked applied is already in the balance (see ledger.ts).
  const pendingDelta = (account?.pending ?? [])
    .filter((pending) => !appliedIds.has(pending.entryId.toHexString()))
    .reduce((sum, pending) => sum + pending.delta, 0);
  const ledgerSum = applied.reduce((sum, entry) => sum + (entry.delta ?? 0), 0);
  const lots = account?.lots ?? [];
  const lotsSum = lots.reduce((sum, lot) => sum + lot.remaining, 0);
  const negativeLots = lots.filter((lot) => lot.remaining < 0).length;
  return {
    balance,
    ledgerSum,
    lotsSum,
    pendingCount: account?.pending.length ?? 0,
    negativeLots,
    consistent: balance === ledgerSum + pendingDelta && lotsSum === Math.max(balance, 0) && negativeLots === 0,
  };
}

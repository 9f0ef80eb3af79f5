import { PointsAccountModel } from './PointsAccount.model';
import { PointsEntryModel } from './PointsEntry.model';
import { settleEntry } from './ledger';

export interface RepairResult {
  entriesSettled: number;
}

/**
 * The sweep (see ledger.ts): finishes entries left half-way by a crash. Accounts still naming an entry in
 * `pending` get it finalised; entries still `pending` after `graceMs` are applied (or refused) now.
 */
export async function repairPointsLedger(context: { now: Date; graceMs?: number }): Promise<RepairResult> {
  const cutoff = new Date(context.now.getTime() - (context.graceMs ?? 60_000));
  const stuckInAccounts = await PointsAccountModel.find({ 'pending.0': { $exists: true } }, { pending: 1 }).lean();
  const entryIds = stuckInAccounts.flatMap((account) => account.pending.map((pending) => pending.entryId));
  const entries = await PointsEntryModel.find({
    $or: [{ _id: { $in: entryIds } }, { state: 'pending', createdAt: { $lt: cutoff } }],
  }).lean();
  for (const entry of entries) {
    await settleEntry(entry, context.now);
  }
  return { entriesSettled: entries.length };
}

import type { OpsLedgerEntry } from '@cakeday/shared';
import { isValidObjectId, Types } from 'mongoose';
import { notFound } from '../errors/AppError';
import { MemberModel } from '../members/Member.model';
import { PointsEntryModel, type PointsEntry } from './PointsEntry.model';
import { presentPointsEntry } from './presentPointsEntry';

/** A ledger line for ops: the member's view plus what caused it (an order, a referral, an adjustment…). */
export function presentOpsLedgerEntry(entry: PointsEntry): OpsLedgerEntry {
  return {
    ...presentPointsEntry(entry),
    reference: entry.reference ? { type: entry.reference.type, id: entry.reference.id } : null,
    settingsVersion: entry.settingsVersion ?? null,
  };
}

/** The applied entries that changed the balance, newest first, as the member's 积分明细 lists them. */
export const ledgerFilter = (memberId: Types.ObjectId) => ({ memberId, state: 'applied' as const, delta: { $ne: 0 } });

/** One page of a member's ledger (deleted members' too: the ledger stays for accounting). */
export async function opsLedger(memberId: string, page: { page: number; pageSize: number }): Promise<{ items: OpsLedgerEntry[]; total: number }> {
  if (!isValidObjectId(memberId) || !(await MemberModel.exists({ _id: memberId }))) throw notFound();
  const filter = ledgerFilter(new Types.ObjectId(memberId));
  const [entries, total] = await Promise.all([
    PointsEntryModel.find(filter).sort({ createdAt: -1, _id: -1 }).skip((page.page - 1) * page.pageSize).limit(page.pageSize).lean(),
    PointsEntryModel.countDocuments(filter),
  ]);
  return { items: entries.map(presentOpsLedgerEntry), total };
}

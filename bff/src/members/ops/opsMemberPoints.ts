import { toBusinessIso, type OpsMembersGetResponse } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { ledgerFilter, presentOpsLedgerEntry } from '../../points/opsLedger';
import { PointsAccountModel } from '../../points/PointsAccount.model';
import { PointsEntryModel } from '../../points/PointsEntry.model';
import { pointsSummary } from '../../points/pointsSummary';

const LATEST_ENTRIES = 10;

/** Balance, what expires soon, the live lots and the newest ledger lines. */
export async function opsMemberPoints(memberId: Types.ObjectId, now: Date): Promise<OpsMembersGetResponse['points']> {
  const filter = ledgerFilter(memberId);
  const [summary, account, entries, entriesTotal] = await Promise.all([
    pointsSummary(memberId.toHexString(), now),
    PointsAccountModel.findById(memberId, { lots: 1 }).lean(),
    PointsEntryModel.find(filter).sort({ createdAt: -1, _id: -1 }).limit(LATEST_ENTRIES).lean(),
    PointsEntryModel.countDocuments(filter),
  ]);
  return {
    ...summary,
    lots: (account?.lots ?? []).map((lot) => ({
      lotId: lot.lotId,
      earnedAt: toBusinessIso(lot.earnedAt),
      expiresAt: toBusinessIso(lot.expiresAt),
      amount: lot.amount,
      remaining: lot.remaining,
    })),
    latestEntries: entries.map(presentOpsLedgerEntry),
    entriesTotal,
  };
}

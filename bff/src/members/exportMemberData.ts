import { toBusinessIso, type MembersExportResponse, type TierThresholds } from '@cakeday/shared';
import { Types } from 'mongoose';
import { consentRecords } from '../consents/consentState';
import { PointsAccountModel } from '../points/PointsAccount.model';
import { PointsEntryModel } from '../points/PointsEntry.model';
import { pointsSummary } from '../points/pointsSummary';
import { presentPointsEntry } from '../points/presentPointsEntry';
import { PaidSpendModel } from '../tiers/PaidSpend.model';
import { tierSummary } from '../tiers/tierSummary';
import { loadMember } from './loadMember';
import { presentMemberProfile } from './presentMember';

/** PIPL access request: everything stored about the member, the phone still only masked. */
export async function exportMemberData(memberId: string, context: { now: Date; thresholds: TierThresholds }): Promise<MembersExportResponse> {
  const id = new Types.ObjectId(memberId);
  const member = await loadMember(memberId);
  const [tier, summary, account, entries, spend, consents] = await Promise.all([
    tierSummary(member, context),
    pointsSummary(memberId, context.now),
    PointsAccountModel.findById(id).lean(),
    PointsEntryModel.find({ memberId: id, state: 'applied' }).sort({ createdAt: -1, _id: -1 }).lean(),
    PaidSpendModel.find({ memberId: id }).sort({ paidAt: -1 }).lean(),
    consentRecords(memberId),
  ]);
  return {
    exportedAt: toBusinessIso(context.now),
    profile: { ...presentMemberProfile(member, context.now), unionidLinked: Boolean(member.unionid), status: member.status },
    tier,
    points: {
      ...summary,
      lots: (account?.lots ?? []).map((lot) => ({
        earnedAt: toBusinessIso(lot.earnedAt),
        expiresAt: toBusinessIso(lot.expiresAt),
        amount: lot.amount,
        remaining: lot.remaining,
      })),
      entries: entries.map(presentPointsEntry),
    },
    paidSpend: spend.map((row) => ({ amountFen: row.amountFen, paidAt: toBusinessIso(row.paidAt), reference: row.reference })),
    consents: consents.map((record) => ({ purpose: record.purpose, action: record.action, version: record.version, at: toBusinessIso(record.at) })),
  };
}

import type { ConsentPurpose } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { ConsentModel, type ConsentRecordDoc } from './Consent.model';

export type ConsentStanding = Pick<ConsentRecordDoc, 'action' | 'via'>;

/** Of the given members, the latest record for the purpose of each who has one: one query for a whole batch. */
export async function consentStandings(memberIds: readonly Types.ObjectId[], purpose: ConsentPurpose): Promise<Map<string, ConsentStanding>> {
  if (memberIds.length === 0) return new Map();
  const records = await ConsentModel.find({ memberId: { $in: memberIds }, purpose }, { memberId: 1, action: 1, via: 1, at: 1 }).sort({ at: -1, _id: -1 }).lean();
  const latest = new Map<string, ConsentStanding>();
  for (const record of records) if (!latest.has(record.memberId.toHexString())) latest.set(record.memberId.toHexString(), { action: record.action, via: record.via });
  return latest;
}

/** Of the given members, those whose latest record for the purpose is a grant. */
export async function consentingMembers(memberIds: readonly Types.ObjectId[], purpose: ConsentPurpose): Promise<Set<string>> {
  const latest = await consentStandings(memberIds, purpose);
  return new Set([...latest].filter(([, standing]) => standing.action === 'grant').map(([id]) => id));
}

import type { ConsentPurpose } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { ConsentModel } from './Consent.model';

/** Of the given members, those whose latest record for the purpose is a grant: one query for a whole batch. */
export async function consentingMembers(memberIds: readonly Types.ObjectId[], purpose: ConsentPurpose): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set();
  const records = await ConsentModel.find({ memberId: { $in: memberIds }, purpose }, { memberId: 1, action: 1, at: 1 }).sort({ at: -1, _id: -1 }).lean();
  const latest = new Map<string, string>();
  for (const record of records) if (!latest.has(record.memberId.toHexString())) latest.set(record.memberId.toHexString(), record.action);
  return new Set([...latest].filter(([, action]) => action === 'grant').map(([id]) => id));
}

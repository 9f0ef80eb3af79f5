import { phoneLookupForms, type OpsMembersExportRequest } from '@cakeday/shared';
import { Types, type QueryFilter } from 'mongoose';
import type { Member } from '../Member.model';
import { keyedHash } from '../personalDataCrypto';

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The members matching ops' filters. A phone is matched through its keyed hash (the number itself is stored
 * only encrypted); a nickname as literal text anywhere in it, ignoring case.
 */
export function memberQuery(filters: OpsMembersExportRequest, hashKey: string): QueryFilter<Member> {
  const query: QueryFilter<Member> = {};
  if (filters.phone) query.phoneHash = { $in: phoneLookupForms(filters.phone).map((form) => keyedHash('phone', form, hashKey)) };
  if (filters.memberId) query._id = new Types.ObjectId(filters.memberId);
  if (filters.nickname) query.nickname = { $regex: escapeRegex(filters.nickname), $options: 'i' };
  if (filters.tier) query['tier.level'] = filters.tier;
  if (filters.status) query.status = filters.status;
  if (filters.joinedFrom || filters.joinedTo) {
    query.createdAt = {
      ...(filters.joinedFrom ? { $gte: new Date(filters.joinedFrom) } : {}),
      ...(filters.joinedTo ? { $lt: new Date(filters.joinedTo) } : {}),
    };
  }
  return query;
}

import type { OpsMemberRow, OpsMembersSearchRequest } from '@cakeday/shared';
import { MemberModel } from '../Member.model';
import { memberQuery } from './memberQuery';
import { presentMemberRows } from './presentMemberRow';

/** ops.members.search: one page of matching members, newest first, masked. */
export async function searchMembers(input: OpsMembersSearchRequest, hashKey: string): Promise<{ items: OpsMemberRow[]; total: number }> {
  const query = memberQuery(input, hashKey);
  const [members, total] = await Promise.all([
    MemberModel.find(query).sort({ createdAt: -1, _id: -1 }).skip((input.page - 1) * input.pageSize).limit(input.pageSize).lean(),
    MemberModel.countDocuments(query),
  ]);
  return { items: await presentMemberRows(members), total };
}

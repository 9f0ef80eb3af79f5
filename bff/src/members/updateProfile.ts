import { MemberModel, type Member } from './Member.model';
import { loadMember } from './loadMember';

/** Nickname and avatar only; content checks arrive with the community feature. */
export async function updateProfile(
  memberId: string,
  changes: { nickname?: string; avatarUrl?: string },
  now: Date,
): Promise<Member> {
  await MemberModel.updateOne({ _id: memberId, status: 'active' }, { $set: { ...changes, updatedAt: now } });
  return loadMember(memberId);
}

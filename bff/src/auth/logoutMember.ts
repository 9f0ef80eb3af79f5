import { MemberModel } from '../members/Member.model';

/** Revokes every session of the member at once by bumping the token version. */
export async function logoutMember(memberId: string, now: Date): Promise<void> {
  await MemberModel.updateOne({ _id: memberId }, { $inc: { tokenVersion: 1 }, $set: { updatedAt: now } });
}

import { AppError } from '../errors/AppError';
import { MemberModel, type Member } from '../members/Member.model';

/** The active member behind a code; 422 POS_MEMBER_NOT_FOUND once they deleted their account. */
export async function loadPosMember(memberId: Member['_id']): Promise<Member> {
  const member = await MemberModel.findOne({ _id: memberId, status: 'active' }).lean();
  if (!member) throw new AppError(422, 'POS_MEMBER_NOT_FOUND');
  return member;
}

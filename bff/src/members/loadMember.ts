import { notFound } from '../errors/AppError';
import { MemberModel, type Member } from './Member.model';

/** The active member behind a principal; 404 if it vanished between authentication and now. */
export async function loadMember(memberId: string): Promise<Member> {
  const member = await MemberModel.findOne({ _id: memberId, status: 'active' }).lean();
  if (!member) throw notFound();
  return member;
}

import { isValidBirthday, type Birthday } from '@cakeday/shared';
import { Types } from 'mongoose';
import { badRequest } from '../errors/AppError';
import { MemberAuditModel } from './MemberAudit.model';
import { MemberModel } from './Member.model';
import { loadMember } from './loadMember';

/**
 * Ops may change a locked birthday (the ops API comes later). The audit entry is written first: a crash
 * leaves an audit of an intent, never an unaudited change.
 */
export async function changeBirthdayByOps(input: {
  memberId: string;
  birthday: Birthday;
  operatorId: string;
  reason: string;
  now: Date;
}): Promise<void> {
  if (!isValidBirthday(input.birthday)) throw badRequest('VALIDATION_FAILED');
  const member = await loadMember(input.memberId);
  const after = { month: input.birthday.month, day: input.birthday.day, year: input.birthday.year ?? null };
  await MemberAuditModel.create({
    memberId: new Types.ObjectId(input.memberId),
    action: 'birthday.change',
    operatorId: input.operatorId,
    reason: input.reason,
    before: member.birthday,
    after,
    at: input.now,
  });
  await MemberModel.updateOne(
    { _id: member._id },
    { $set: { birthday: after, 'birthdayHistory.firstSetAt': member.birthdayHistory.firstSetAt ?? input.now, updatedAt: input.now } },
  );
}

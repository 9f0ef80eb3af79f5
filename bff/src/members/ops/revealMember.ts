import type { Birthday, OpsMembersRevealRequest, OpsMembersRevealResponse } from '@cakeday/shared';
import { isValidObjectId } from 'mongoose';
import { recordAudit, type AuditContext } from '../../audit/audited';
import { notFound } from '../../errors/AppError';
import { MemberModel } from '../Member.model';
import { decryptPersonalData } from '../personalDataCrypto';
import { readBirthday } from '../storedBirthday';

const revealedBirthday = (birthday: Birthday | null) => (birthday ? { month: birthday.month, day: birthday.day, year: birthday.year ?? null } : null);

/**
 * ops.members.reveal: the unmasked phone, birthday with its year and nickname, for one view. The reveal is
 * recorded (who, which fields, why) before anything is decrypted; a reveal that cannot be recorded reveals nothing.
 */
export async function revealMember(input: OpsMembersRevealRequest, context: { audit: AuditContext; encryptionKey: string }): Promise<OpsMembersRevealResponse> {
  const member = isValidObjectId(input.memberId) ? await MemberModel.findById(input.memberId).lean() : null;
  if (!member) throw notFound();
  if (member.status !== 'active') throw notFound('OPS_MEMBER_NO_PERSONAL_DATA');
  const fields = [...new Set(input.fields)];
  const entry = await recordAudit(context.audit, {
    action: 'ops.members.reveal',
    subject: { type: 'Member', id: member._id.toHexString() },
    after: { fields },
    reason: input.reason,
  });
  const wants = (field: (typeof fields)[number]): boolean => fields.includes(field);
  return {
    memberId: member._id.toHexString(),
    phone: wants('phone') && member.phone ? decryptPersonalData(member.phone.ciphertext, context.encryptionKey) : null,
    nickname: wants('nickname') ? member.nickname : null,
    birthday: wants('birthday') ? revealedBirthday(readBirthday(member.birthday, context.encryptionKey)) : null,
    auditSeq: entry._id,
  };
}

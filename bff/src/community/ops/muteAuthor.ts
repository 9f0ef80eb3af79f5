import { toBusinessIso } from '@cakeday/shared';
import { Types } from 'mongoose';
import { audited, auditSeqPush, type AuditContext } from '../../audit/audited';
import { carriesAuditSeq, registerAuditSubject } from '../../audit/auditOutcomes';
import { notFound } from '../../errors/AppError';
import { MemberModel } from '../../members/Member.model';
import { CommunityMemberModel } from '../CommunityMember.model';

registerAuditSubject('CommunityMember', carriesAuditSeq((filter) => CommunityMemberModel.countDocuments(filter)));

const DAY_MS = 86_400_000;

/** ops.community.mute: the author may not post or comment for `days` from now (0 lifts it); audited. */
export async function muteAuthor(input: { memberId: string; days: number; reason: string }, audit: AuditContext): Promise<{ memberId: string; mutedUntil: string | null }> {
  const memberId = new Types.ObjectId(input.memberId);
  if (!(await MemberModel.exists({ _id: memberId, status: 'active' }))) throw notFound();
  const before = await CommunityMemberModel.findById(memberId, { mutedUntil: 1 }).lean();
  const mutedUntil = input.days === 0 ? null : new Date(audit.now.getTime() + input.days * DAY_MS);
  const iso = (at: Date | null | undefined): string | null => (at ? toBusinessIso(at) : null);
  await audited(
    audit,
    { action: 'ops.community.mute', subject: { type: 'CommunityMember', id: input.memberId }, before: { mutedUntil: iso(before?.mutedUntil) }, after: { mutedUntil: iso(mutedUntil) }, reason: input.reason },
    (entry) => CommunityMemberModel.updateOne({ _id: memberId }, { $set: { mutedUntil, updatedAt: audit.now }, $push: auditSeqPush(entry._id) }, { upsert: true }),
  );
  return { memberId: input.memberId, mutedUntil: iso(mutedUntil) };
}

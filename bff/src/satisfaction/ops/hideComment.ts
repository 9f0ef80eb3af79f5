import type { CommentState, OpsSatisfactionHideCommentRequest, SatisfactionComment } from '@cakeday/shared';
import { Types } from 'mongoose';
import { audited, auditSeqPush, type AuditContext } from '../../audit/audited';
import { carriesAuditSeq, registerAuditSubject } from '../../audit/auditOutcomes';
import { conflict, notFound } from '../../errors/AppError';
import { NpsAnswerModel } from '../NpsAnswer.model';
import { RatingModel } from '../Rating.model';
import { presentComment, type CommentDoc } from './presentComment';

registerAuditSubject('SatisfactionRating', carriesAuditSeq((filter) => RatingModel.countDocuments(filter)));
registerAuditSubject('SatisfactionNpsAnswer', carriesAuditSeq((filter) => NpsAnswerModel.countDocuments(filter)));

const AUDIT_SUBJECT = { rating: 'SatisfactionRating', nps: 'SatisfactionNpsAnswer' } as const;

async function load(kind: CommentDoc['kind'], id: Types.ObjectId): Promise<CommentDoc | null> {
  if (kind === 'rating') {
    const doc = await RatingModel.findById(id).lean();
    return doc && { kind, doc };
  }
  const doc = await NpsAnswerModel.findById(id).lean();
  return doc && { kind, doc };
}

/** published → hidden by one conditional write, so a comment is hidden once (a second moderator gets 409). */
async function transition(kind: CommentDoc['kind'], id: Types.ObjectId, seq: number): Promise<CommentDoc | null> {
  const filter = { _id: id, commentState: 'published' as const };
  const update = { $set: { commentState: 'hidden' as const }, $push: auditSeqPush(seq) };
  if (kind === 'rating') {
    const doc = await RatingModel.findOneAndUpdate(filter, update, { returnDocument: 'after' }).lean();
    return doc && { kind, doc };
  }
  const doc = await NpsAnswerModel.findOneAndUpdate(filter, update, { returnDocument: 'after' }).lean();
  return doc && { kind, doc };
}

/**
 * A moderator hides a published comment of a rating or an NPS answer, audited write-ahead with the reason. The
 * stars, the score and the dashboard's counts stay: only the text stops being shown (the member still sees it).
 */
export async function hideComment(input: OpsSatisfactionHideCommentRequest, audit: AuditContext): Promise<SatisfactionComment & { commentState: CommentState }> {
  const id = new Types.ObjectId(input.id);
  const current = await load(input.kind, id);
  if (!current) throw notFound();
  if (current.doc.commentState !== 'published') throw conflict('SATISFACTION_COMMENT_NOT_PUBLISHED');
  const intent = {
    action: 'ops.satisfaction.hideComment',
    subject: { type: AUDIT_SUBJECT[input.kind], id: input.id },
    before: { commentState: current.doc.commentState },
    after: { commentState: 'hidden' },
    reason: input.reason,
  };
  return audited(audit, intent, async (entry) => {
    const hidden = await transition(input.kind, id, entry._id);
    if (!hidden) throw conflict('SATISFACTION_COMMENT_NOT_PUBLISHED');
    return { ...presentComment(hidden), commentState: hidden.doc.commentState };
  });
}

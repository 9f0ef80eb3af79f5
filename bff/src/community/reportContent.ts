import { reportWeight, type CommunityTarget, type ReportReason } from '@cakeday/shared';
import { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { CommunityCommentModel } from './CommunityComment.model';
import { CommunityPostModel } from './CommunityPost.model';
import { CommunityReportModel } from './CommunityReport.model';
import { loadTarget, type ContentRef } from './contentTarget';
import { transitionComment, transitionPost } from './transitionContent';

/** The reporter's record: reports moderators upheld and dismissed. */
export async function reporterRecord(reporterId: Types.ObjectId): Promise<{ upheld: number; dismissed: number }> {
  const [upheld, dismissed] = await Promise.all([
    CommunityReportModel.countDocuments({ reporterId, state: 'upheld' }),
    CommunityReportModel.countDocuments({ reporterId, state: 'dismissed' }),
  ]);
  return { upheld, dismissed };
}

/** Over the threshold, a published item is hidden (the queue, reason reported) until a moderator decides. */
async function hideIfOverThreshold(target: ContentRef, threshold: number, now: Date): Promise<void> {
  const move = { from: ['published'] as const, to: 'in_review' as const, now, addReasons: ['reported'] as const, reason: '举报达到阈值', condition: { reportWeight: { $gte: threshold } } };
  if (target.kind === 'post') await transitionPost(target.id, move);
  else await transitionComment(target.id, move);
}

/**
 * community.report: one report per member and item (a repeat changes nothing and still answers 200). The report
 * weighs what the reporter's record says (reportWeight); it is added to the item's open weight, and an item whose
 * open weight reaches the threshold is hidden until reviewed.
 */
export async function reportContent(
  reporter: string,
  input: { target: CommunityTarget; reason: ReportReason; note?: string },
  context: { now: Date; hideWeight: number },
): Promise<void> {
  const target = await loadTarget(input.target, ['published', 'in_review']);
  const reporterId = new Types.ObjectId(reporter);
  const weight = reportWeight(await reporterRecord(reporterId));
  try {
    await CommunityReportModel.create({
      key: `${reporter}:${target.kind}:${target.id.toHexString()}`,
      reporterId,
      targetKind: target.kind,
      targetId: target.id,
      targetAuthorId: target.authorId,
      reason: input.reason,
      note: input.note ? input.note : null,
      weight,
      state: 'open',
      createdAt: context.now,
      settledAt: null,
    });
  } catch (error) {
    if (isDuplicateKeyError(error)) return;
    throw error;
  }
  if (target.kind === 'post') await CommunityPostModel.updateOne({ _id: target.id }, { $inc: { reportWeight: weight } });
  else await CommunityCommentModel.updateOne({ _id: target.id }, { $inc: { reportWeight: weight } });
  await hideIfOverThreshold(target, context.hideWeight, context.now);
}

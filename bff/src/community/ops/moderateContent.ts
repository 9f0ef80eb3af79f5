import { MODERATION_MOVES, type ModerationAction, type ModerationItem, type OpsCommunityModerateRequest } from '@cakeday/shared';
import { audited, auditSeqPush, type AuditContext } from '../../audit/audited';
import { carriesAuditSeq, registerAuditSubject } from '../../audit/auditOutcomes';
import { conflict } from '../../errors/AppError';
import { CommunityCommentModel } from '../CommunityComment.model';
import { CommunityPostModel } from '../CommunityPost.model';
import { CommunityReportModel } from '../CommunityReport.model';
import { loadTarget } from '../contentTarget';
import { transitionComment, transitionPost, type ContentMove } from '../transitionContent';
import { presentModerationItems, type ModeratedDoc } from './presentModerationItem';

registerAuditSubject('CommunityPost', carriesAuditSeq((filter) => CommunityPostModel.countDocuments(filter)));
registerAuditSubject('CommunityComment', carriesAuditSeq((filter) => CommunityCommentModel.countDocuments(filter)));

/**
 * A moderator's decision, audited (write-ahead): the item moves from the state the moderator saw, by one
 * conditional write, so of two moderators acting at once one wins and the other gets 409 MODERATION_STATE_CHANGED.
 * Its open reports are settled by the decision: upheld when it is removed, dismissed when it is published.
 */
export async function moderateContent(
  action: ModerationAction,
  input: OpsCommunityModerateRequest,
  audit: AuditContext,
  operatorName: string,
): Promise<ModerationItem> {
  const target = await loadTarget(input.target);
  const move = MODERATION_MOVES[action];
  const allowed: readonly string[] = move.from;
  if (target.state !== input.expectedState || !allowed.includes(input.expectedState)) throw conflict('MODERATION_STATE_CHANGED');
  const subject = { type: target.kind === 'post' ? 'CommunityPost' : 'CommunityComment', id: target.id.toHexString() };
  const intent = { action: `ops.community.${action}`, subject, before: { state: target.state }, after: { state: move.to }, reason: input.reason };
  return audited(audit, intent, async (entry) => {
    const contentMove: ContentMove = {
      from: [input.expectedState],
      to: move.to,
      now: audit.now,
      by: operatorName,
      reason: input.reason,
      clearReasons: true,
      set: { reportWeight: 0, ...(move.to === 'published' && target.kind === 'post' ? { publishedAt: audit.now } : {}) },
      push: auditSeqPush(entry._id),
    };
    const moved: ModeratedDoc | null =
      target.kind === 'post'
        ? await transitionPost(target.id, contentMove).then((doc) => doc && { kind: 'post' as const, doc })
        : await transitionComment(target.id, contentMove).then((doc) => doc && { kind: 'comment' as const, doc });
    if (!moved) throw conflict('MODERATION_STATE_CHANGED');
    await CommunityReportModel.updateMany(
      { targetKind: target.kind, targetId: target.id, state: 'open' },
      { $set: { state: move.to === 'removed' ? 'upheld' : 'dismissed', settledAt: audit.now } },
    );
    const [item] = await presentModerationItems([moved]);
    return item!;
  });
}

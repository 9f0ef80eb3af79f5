import type { CommunityCommentRequest, CommunityComment as CommentView } from '@cakeday/shared';
import { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { conflict, notFound } from '../errors/AppError';
import type { Principal } from '../http/context';
import { TEXT_SCENES } from '../moderation/checkMemberText';
import { moderateText } from '../moderation/moderateText';
import type { TextCheckContext } from '../moderation/textContext';
import { settleCommentCount } from './commentCount';
import { requireCommunityWriter, takeCommunitySlot } from './communityWriter';
import { CommunityCommentModel, type CommunityComment } from './CommunityComment.model';
import { presentComment } from './presentPost';
import { viewContextFor } from './viewContext';
import { loadPublishedPost } from './visiblePost';

async function present(comment: CommunityComment, viewer: Types.ObjectId): Promise<CommentView> {
  return presentComment(comment, await viewContextFor(viewer, [], [comment]));
}

/** Whom a reply answers and the thread it joins (one level deep: a reply to a reply joins the same thread). */
async function threadOf(postId: Types.ObjectId, replyToCommentId: string | undefined): Promise<{ parentId: Types.ObjectId | null; replyToMemberId: Types.ObjectId | null }> {
  if (!replyToCommentId) return { parentId: null, replyToMemberId: null };
  const target = await CommunityCommentModel.findOne({ _id: new Types.ObjectId(replyToCommentId), postId, state: 'published' }, { parentId: 1, authorId: 1 }).lean();
  if (!target) throw notFound();
  return { parentId: target.parentId ?? target._id, replyToMemberId: target.authorId };
}

/**
 * community.comment: a writer comments on a published post or replies to a published comment of it. The text goes
 * through the word list and msgSecCheck (scene 2 评论): risky → 422; held → stored in review (its author sees 审核中).
 * One comment per submit key; the day's cap is taken by that key; a published comment counts on its post once.
 */
export async function createComment(principal: Principal, input: CommunityCommentRequest, context: TextCheckContext & { commentsPerDay: number }): Promise<CommentView> {
  const { now } = context;
  const authorId = new Types.ObjectId(principal.memberId);
  const createKey = `${principal.memberId}:${input.idempotencyKey}`;
  const existing = await CommunityCommentModel.findOne({ createKey }).lean();
  if (existing) {
    if (existing.postId.toHexString() !== input.postId) throw conflict('IDEMPOTENCY_KEY_REUSED');
    return present(existing, authorId);
  }
  await requireCommunityWriter(principal.memberId, now);
  const post = await loadPublishedPost(input.postId);
  const thread = await threadOf(post._id, input.replyToCommentId);
  const text = await moderateText({ openid: principal.openid, scene: TEXT_SCENES.comment, content: input.text, refusal: 'COMMUNITY_CONTENT_REJECTED' }, context);
  await takeCommunitySlot('community-comment', principal.memberId, createKey, context.commentsPerDay, now);
  const published = text.outcome === 'pass';
  let comment: CommunityComment;
  try {
    const created = await CommunityCommentModel.create({
      postId: post._id,
      postAuthorId: post.authorId,
      authorId,
      createKey,
      ...thread,
      text: text.content,
      state: published ? 'published' : 'in_review',
      reviewReasons: text.reasons,
      textVerdict: text.verdict,
      countSeq: published ? 1 : 0,
      countPending: published,
      history: [],
      createdAt: now,
      updatedAt: now,
    });
    comment = created.toObject();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const raced = await CommunityCommentModel.findOne({ createKey }).lean();
    if (!raced) throw conflict();
    return present(raced, authorId);
  }
  if (comment.countPending) await settleCommentCount(comment);
  return present(comment, authorId);
}

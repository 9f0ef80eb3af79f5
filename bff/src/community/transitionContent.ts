import type { ContentState, ReviewReason } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { CommunityCommentModel, type CommunityComment } from './CommunityComment.model';
import { CommunityPostModel, type CommunityPost } from './CommunityPost.model';
import { settleCommentCount } from './commentCount';
import { recordPostPublished } from './postEvents';
import type { ModerationMove } from './moderationFields';

export interface ContentMove {
  from: readonly ContentState[];
  to: ContentState;
  now: Date;
  /** An operator's display name; null for the system. */
  by?: string | null;
  reason?: string | null;
  set?: Record<string, unknown>;
  /** Why it goes to the queue (added to those it has). */
  addReasons?: readonly ReviewReason[];
  /** Leaving the queue: the reasons go. */
  clearReasons?: boolean;
  /** More conditions the document must meet (e.g. a report weight over the threshold). */
  condition?: Record<string, unknown>;
  /** More to push in the same write (the audit entry's position). */
  push?: Record<string, unknown>;
}

const ATTEMPTS = 3;

function updateOf(current: ContentState, move: ContentMove): Record<string, unknown> {
  const entry: ModerationMove = { from: current, to: move.to, by: move.by ?? null, reason: move.reason ?? null, at: move.now };
  return {
    $set: { ...move.set, state: move.to, updatedAt: move.now, ...(move.clearReasons ? { reviewReasons: [] } : {}) },
    $push: { history: entry, ...move.push },
    ...(move.addReasons && move.addReasons.length > 0 && !move.clearReasons ? { $addToSet: { reviewReasons: { $each: [...move.addReasons] } } } : {}),
  };
}

/**
 * The only way a post's state changes: a conditional write from the state it was read in (one of `from`), with
 * the move appended to its history in the same write. Two moves at once: one wins, the other finds the state
 * changed and, once it is no longer among `from`, gets null.
 */
export async function transitionPost(postId: Types.ObjectId, move: ContentMove): Promise<CommunityPost | null> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const current = await CommunityPostModel.findById(postId, { state: 1 }).lean();
    if (!current || !move.from.includes(current.state) || current.state === move.to) return null;
    const moved = await CommunityPostModel.findOneAndUpdate(
      { _id: postId, state: current.state, ...move.condition },
      updateOf(current.state, { ...move, set: { ...move.set, ...(move.to === 'published' ? { verdictDueAt: null } : {}) } }),
      { returnDocument: 'after' },
    ).lean();
    if (moved) {
      if (moved.state === 'published') await recordPostPublished(moved, move.now);
      return moved;
    }
  }
  return null;
}

const visible = (state: ContentState): boolean => state === 'published';

/**
 * The same for a comment; a move in or out of `published` also changes its post's comment count, once (see
 * CommunityComment: countPending and countSeq move in the same write, then settleCommentCount counts it).
 */
export async function transitionComment(commentId: Types.ObjectId, move: ContentMove): Promise<CommunityComment | null> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const current = await CommunityCommentModel.findById(commentId).lean();
    if (!current || !move.from.includes(current.state) || current.state === move.to) return null;
    if (current.countPending) {
      await settleCommentCount(current);
      continue;
    }
    const recount = visible(current.state) !== visible(move.to);
    const update = updateOf(current.state, move);
    if (recount) {
      update.$set = { ...(update.$set as object), countPending: true };
      update.$inc = { countSeq: 1 };
    }
    const moved = await CommunityCommentModel.findOneAndUpdate(
      { _id: commentId, state: current.state, countPending: false, ...move.condition },
      update,
      { returnDocument: 'after' },
    ).lean();
    if (!moved) continue;
    if (moved.countPending) await settleCommentCount(moved);
    return moved;
  }
  return null;
}

import { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { CommunityLikeModel, likeIdOf, type CommunityLike } from './CommunityLike.model';
import { CommunityPostModel } from './CommunityPost.model';
import { applyPostCounter } from './postCounters';
import { loadPublishedPost, loadVisiblePost } from './visiblePost';

/** Test seam: a crash after the like flipped, or after the post was counted. */
export interface LikeFaults {
  afterFlip?: () => void;
  afterCount?: () => void;
}

/** Counts a flip on the post (once, by its key), then clears `pending` if no newer flip happened meanwhile. */
export async function settleLike(like: CommunityLike, faults: LikeFaults = {}): Promise<void> {
  await applyPostCounter(like.postId, { likes: like.active ? 1 : -1 }, `${like._id}:${like.seq}`);
  faults.afterCount?.();
  await CommunityLikeModel.updateOne({ _id: like._id, seq: like.seq, pending: true }, { $set: { pending: false } });
}

async function insertLike(id: string, postId: Types.ObjectId, memberId: Types.ObjectId, now: Date): Promise<boolean> {
  try {
    await CommunityLikeModel.create({ _id: id, postId, memberId, active: true, seq: 1, pending: true, createdAt: now, updatedAt: now });
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/**
 * Brings an existing like to `want`: a flip happens only from the other state and only once the previous flip is
 * counted (one conditional write), so of many at once exactly one flips. Then the flip is counted.
 */
async function flipLike(id: string, want: boolean, now: Date, faults: LikeFaults): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const like = await CommunityLikeModel.findById(id).lean();
    if (!like) return;
    if (like.pending) await settleLike(like);
    if (like.active === want) return;
    const moved = await CommunityLikeModel.updateOne(
      { _id: id, active: !want, pending: false },
      { $set: { active: want, pending: true, updatedAt: now }, $inc: { seq: 1 } },
    );
    if (moved.modifiedCount === 1) {
      faults.afterFlip?.();
      const flipped = await CommunityLikeModel.findById(id).lean();
      if (flipped?.pending) await settleLike(flipped, faults);
      return;
    }
  }
}

/**
 * Likes (want = true) or unlikes a post, exactly once however often it is tapped: the like document is keyed by
 * post and member, so a second like is the same document, and flips are counted once each. Answers the state
 * and the post's count.
 */
export async function setLike(
  input: { memberId: string; postId: string; want: boolean },
  now: Date,
  faults: LikeFaults = {},
): Promise<{ liked: boolean; likeCount: number }> {
  const post = input.want ? await loadPublishedPost(input.postId) : await loadVisiblePost(input.postId, input.memberId);
  const memberId = new Types.ObjectId(input.memberId);
  const id = likeIdOf(post._id, memberId);
  if (input.want && (await insertLike(id, post._id, memberId, now))) {
    faults.afterFlip?.();
    const like = await CommunityLikeModel.findById(id).lean();
    if (like?.pending) await settleLike(like, faults);
  } else {
    await flipLike(id, input.want, now, faults);
  }
  const [counted, current] = await Promise.all([
    CommunityPostModel.findById(post._id, { likeCount: 1 }).lean(),
    CommunityLikeModel.findById(id, { active: 1 }).lean(),
  ]);
  return { liked: current?.active ?? false, likeCount: Math.max(0, counted?.likeCount ?? 0) };
}

/** Erasure: every like the member gives is taken back (the posts' counts follow), then the likes go. */
export async function withdrawLikes(memberId: Types.ObjectId, now: Date): Promise<void> {
  const likes = await CommunityLikeModel.find({ memberId }, { _id: 1 }).lean();
  for (const like of likes) await flipLike(like._id, false, now, {});
  await CommunityLikeModel.deleteMany({ memberId, pending: false });
}

import type { ReviewReason } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { CommunityPhotoModel } from './CommunityPhoto.model';
import { CommunityPostModel } from './CommunityPost.model';
import { transitionPost } from './transitionContent';

/**
 * Moves a post by its photos' verdicts: any risky → rejected (hidden from everyone; its author sees 未通过); any
 * held for review or not sent → the queue; every one passed → published, if it is still pending (a post already in
 * the queue waits for a moderator). Photos still awaiting their verdict leave it pending.
 */
export async function evaluatePostPhotos(postId: Types.ObjectId, now: Date): Promise<void> {
  const post = await CommunityPostModel.findById(postId, { state: 1, photoIds: 1 }).lean();
  if (!post || post.photoIds.length === 0) return;
  const photos = await CommunityPhotoModel.find({ _id: { $in: post.photoIds } }, { check: 1 }).lean();
  const states = photos.map((photo) => photo.check.state);
  if (states.includes('risky')) {
    await transitionPost(postId, { from: ['pending', 'in_review', 'published'], to: 'rejected', now, reason: '微信内容安全：图片违规', set: { verdictDueAt: null } });
    return;
  }
  const reasons: ReviewReason[] = [...(states.includes('review') ? (['photo_review'] as const) : []), ...(states.includes('failed') ? (['photo_unchecked'] as const) : [])];
  if (reasons.length > 0) {
    await transitionPost(postId, { from: ['pending'], to: 'in_review', now, addReasons: reasons, reason: '图片待人工复核', set: { verdictDueAt: null } });
    return;
  }
  if (photos.length === post.photoIds.length && states.every((state) => state === 'pass')) {
    await transitionPost(postId, { from: ['pending'], to: 'published', now, reason: '微信内容安全：图片通过', set: { publishedAt: now } });
  }
}

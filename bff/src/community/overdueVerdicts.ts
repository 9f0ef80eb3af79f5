import { CommunityPostModel } from './CommunityPost.model';
import { transitionPost } from './transitionContent';

/**
 * The timeout job: a post whose photos have had no verdict within 30 minutes goes to the ops queue (never
 * published unchecked). Claims posts by `verdictDueAt`, oldest first; a verdict arriving later is still recorded
 * on its photo for the moderator (and a risky one still hides the post).
 */
export async function queueOverduePosts(now: Date, batchSize = 100): Promise<number> {
  const overdue = await CommunityPostModel.find({ state: 'pending', verdictDueAt: { $lte: now } }, { _id: 1 }).sort({ verdictDueAt: 1, _id: 1 }).limit(batchSize).lean();
  let queued = 0;
  for (const post of overdue) {
    const moved = await transitionPost(post._id, { from: ['pending'], to: 'in_review', now, addReasons: ['photo_timeout'], reason: '30分钟内未收到图片检测结果', set: { verdictDueAt: null } });
    if (moved) queued += 1;
  }
  return queued;
}

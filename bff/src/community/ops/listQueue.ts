import type { ModerationItem, OpsCommunityQueueRequest } from '@cakeday/shared';
import { CommunityCommentModel } from '../CommunityComment.model';
import { CommunityPostModel } from '../CommunityPost.model';
import { presentModerationItems } from './presentModerationItem';

const FILTERS: Record<OpsCommunityQueueRequest['view'], Record<string, unknown>> = {
  review: { state: 'in_review' },
  pending: { state: 'pending' },
  reported: { state: 'published', reportWeight: { $gt: 0 } },
  published: { state: 'published' },
  rejected: { state: 'rejected' },
  removed: { state: 'removed' },
};

/** The moderators' queue: what waits for a decision oldest first; what was decided newest first. */
export async function listQueue(input: OpsCommunityQueueRequest): Promise<{ items: ModerationItem[]; total: number; page: number; pageSize: number }> {
  const filter = FILTERS[input.view];
  const waiting = input.view === 'review' || input.view === 'pending' || input.view === 'reported';
  const sort = { updatedAt: waiting ? 1 : -1, _id: 1 } as const;
  const skip = (input.page - 1) * input.pageSize;
  if (input.kind === 'post') {
    const [docs, total] = await Promise.all([CommunityPostModel.find(filter).sort(sort).skip(skip).limit(input.pageSize).lean(), CommunityPostModel.countDocuments(filter)]);
    return { items: await presentModerationItems(docs.map((doc) => ({ kind: 'post' as const, doc }))), total, page: input.page, pageSize: input.pageSize };
  }
  const [docs, total] = await Promise.all([CommunityCommentModel.find(filter).sort(sort).skip(skip).limit(input.pageSize).lean(), CommunityCommentModel.countDocuments(filter)]);
  return { items: await presentModerationItems(docs.map((doc) => ({ kind: 'comment' as const, doc }))), total, page: input.page, pageSize: input.pageSize };
}

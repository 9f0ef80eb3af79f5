import type { CommunityFeedRequest, CommunityPost as PostView } from '@cakeday/shared';
import { Types } from 'mongoose';
import { BLOCKS_MAX, CommunityBlockModel } from './CommunityBlock.model';
import { CommunityPostModel } from './CommunityPost.model';
import { afterCursor, decodeCursor, encodeCursor } from './feedCursor';
import { presentPost } from './presentPost';
import { viewContextFor } from './viewContext';

const DAY_MS = 86_400_000;
/** An author sees their own posts that are not (or no longer) public, marked, among the newest. */
const AUTHOR_ONLY_STATES = ['pending', 'in_review', 'rejected', 'removed'];

/** The authors the viewer blocked (bounded: the query's $nin stays small). */
export async function blockedAuthors(viewerId: Types.ObjectId | null): Promise<Types.ObjectId[]> {
  if (!viewerId) return [];
  const blocks = await CommunityBlockModel.find({ blockerId: viewerId }, { blockedId: 1 }).sort({ createdAt: -1 }).limit(BLOCKS_MAX).lean();
  return blocks.map((block) => block.blockedId);
}

/**
 * A page of the feed. 最新: published posts newest first, plus the viewer's own posts awaiting review. 热门: published
 * posts of the last `hotWindowDays` by hotScore (a bounded window: the set sorted stays small on any database).
 * Blocked authors' posts never appear. The cursor is the last post's sort value and id.
 */
export async function listFeed(
  viewer: string | null,
  input: CommunityFeedRequest,
  context: { now: Date; hotWindowDays: number },
): Promise<{ items: PostView[]; nextCursor: string | null }> {
  const viewerId = viewer ? new Types.ObjectId(viewer) : null;
  const cursor = decodeCursor(input.cursor);
  const blocked = await blockedAuthors(viewerId);
  const conditions: Record<string, unknown>[] = [];
  if (input.topicCode) conditions.push({ topicCode: input.topicCode });
  if (blocked.length > 0) conditions.push({ authorId: { $nin: blocked } });
  let sort: Record<string, 1 | -1>;
  if (input.sort === 'hot') {
    conditions.push({ state: 'published', createdAt: { $gte: new Date(context.now.getTime() - context.hotWindowDays * DAY_MS) } });
    conditions.push(afterCursor('hotScore', cursor, 'desc', false));
    sort = { hotScore: -1, _id: -1 };
  } else {
    conditions.push(viewerId ? { $or: [{ state: 'published' }, { authorId: viewerId, state: { $in: AUTHOR_ONLY_STATES } }] } : { state: 'published' });
    conditions.push(afterCursor('createdAt', cursor, 'desc', true));
    sort = { createdAt: -1, _id: -1 };
  }
  const filter = { $and: conditions.filter((condition) => Object.keys(condition).length > 0) };
  const found = await CommunityPostModel.find(filter).sort(sort).limit(input.limit + 1).lean();
  const page = found.slice(0, input.limit);
  const last = page.at(-1);
  const nextCursor =
    found.length > input.limit && last ? encodeCursor({ value: input.sort === 'hot' ? last.hotScore : last.createdAt.getTime(), id: last._id }) : null;
  const view = await viewContextFor(viewerId, page);
  return { items: page.map((post) => presentPost(post, view)), nextCursor };
}

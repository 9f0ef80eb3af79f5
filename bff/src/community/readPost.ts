import type { CommunityComment as CommentView, CommunityPost as PostView } from '@cakeday/shared';
import { Types } from 'mongoose';
import { CommunityCommentModel } from './CommunityComment.model';
import { afterCursor, decodeCursor, encodeCursor } from './feedCursor';
import { blockedAuthors } from './listFeed';
import { presentComment, presentPost } from './presentPost';
import { viewContextFor } from './viewContext';
import { loadVisiblePost } from './visiblePost';

const viewerIdOf = (viewer: string | null): Types.ObjectId | null => (viewer ? new Types.ObjectId(viewer) : null);

/** community.post: a published post, or the viewer's own in any state but deleted. */
export async function readPost(viewer: string | null, postId: string): Promise<PostView> {
  const post = await loadVisiblePost(postId, viewer);
  return presentPost(post, await viewContextFor(viewerIdOf(viewer), [post]));
}

/**
 * community.comments: a visible post's comments oldest first (replies carry their thread and whom they answer):
 * published ones, plus the viewer's own in review; blocked authors' never.
 */
export async function listComments(
  viewer: string | null,
  input: { postId: string; cursor: string | null; limit: number },
): Promise<{ items: CommentView[]; nextCursor: string | null }> {
  const post = await loadVisiblePost(input.postId, viewer);
  const viewerId = viewerIdOf(viewer);
  const blocked = await blockedAuthors(viewerId);
  const conditions: Record<string, unknown>[] = [
    { postId: post._id },
    viewerId ? { $or: [{ state: 'published' }, { authorId: viewerId, state: 'in_review' }] } : { state: 'published' },
    afterCursor('createdAt', decodeCursor(input.cursor), 'asc', true),
  ];
  if (blocked.length > 0) conditions.push({ authorId: { $nin: blocked } });
  const found = await CommunityCommentModel.find({ $and: conditions.filter((condition) => Object.keys(condition).length > 0) })
    .sort({ createdAt: 1, _id: 1 })
    .limit(input.limit + 1)
    .lean();
  const page = found.slice(0, input.limit);
  const last = page.at(-1);
  const view = await viewContextFor(viewerId, [], page);
  return {
    items: page.map((comment) => presentComment(comment, view)),
    nextCursor: found.length > input.limit && last ? encodeCursor({ value: last.createdAt.getTime(), id: last._id }) : null,
  };
}

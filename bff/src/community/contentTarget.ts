import type { CommunityTarget, ContentState } from '@cakeday/shared';
import { isValidObjectId, Types } from 'mongoose';
import { notFound } from '../errors/AppError';
import { CommunityCommentModel } from './CommunityComment.model';
import { CommunityPostModel } from './CommunityPost.model';

/** A post or comment named by a member or a moderator: what every action on either needs to know. */
export interface ContentRef {
  kind: 'post' | 'comment';
  id: Types.ObjectId;
  authorId: Types.ObjectId;
  postId: Types.ObjectId;
  state: ContentState;
}

/** The named post or comment, if it is in one of `states`; 404 otherwise. */
export async function loadTarget(target: CommunityTarget, states: readonly ContentState[] | null = null): Promise<ContentRef> {
  if (!isValidObjectId(target.id)) throw notFound();
  const id = new Types.ObjectId(target.id);
  const found =
    target.kind === 'post'
      ? await CommunityPostModel.findById(id, { authorId: 1, state: 1 }).lean().then((post) => post && { ...post, postId: post._id })
      : await CommunityCommentModel.findById(id, { authorId: 1, state: 1, postId: 1 }).lean();
  if (!found || (states && !states.includes(found.state))) throw notFound();
  return { kind: target.kind, id, authorId: found.authorId, postId: found.postId, state: found.state };
}

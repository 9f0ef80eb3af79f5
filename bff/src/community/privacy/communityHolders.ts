import { PHOTO_SIZES } from '@cakeday/shared';
import type { Types } from 'mongoose';
import type { PersonalDataHolder } from '../../privacy/personalDataRegistry';
import { CommunityBlockModel } from '../CommunityBlock.model';
import { CommunityCommentModel } from '../CommunityComment.model';
import { CommunityLikeModel } from '../CommunityLike.model';
import { CommunityMemberModel } from '../CommunityMember.model';
import { CommunityPhotoModel } from '../CommunityPhoto.model';
import { CommunityPostModel } from '../CommunityPost.model';
import { CommunityReportModel } from '../CommunityReport.model';
import { MediaCheckModel } from '../MediaCheck.model';
import { photoKey, type PhotoStore } from '../photos/photoStore';
import { withdrawLikes } from '../likePost';
import { transitionComment } from '../transitionContent';

const NOT_DELETED = ['pending', 'in_review', 'published', 'rejected', 'removed'] as const;

/**
 * Once the member's likes are gone, others' posts forget the counting keys that named them (`<postId>:<memberId>:<seq>`,
 * see likePost.ts). Only for likes already deleted: a like still pending keeps its keys until it is counted, so a
 * resumed erasure never counts it twice.
 */
async function forgetLikeKeys(memberId: Types.ObjectId): Promise<void> {
  const ofMember = new RegExp(`^[0-9a-f]{24}:${memberId.toHexString()}:`);
  const stillPending = new Set((await CommunityLikeModel.find({ memberId }, { postId: 1 }).lean()).map((like) => like.postId.toHexString()));
  const posts = await CommunityPostModel.find({ counterOps: ofMember }, { counterOps: 1 }).lean();
  for (const post of posts.filter((candidate) => !stillPending.has(candidate._id.toHexString()))) {
    await CommunityPostModel.updateOne({ _id: post._id }, { $pull: { counterOps: { $in: post.counterOps.filter((key) => ofMember.test(key)) } } });
  }
}

/** The member's comments leave their posts' counts (once each), then go. */
async function eraseComments(memberId: Types.ObjectId, now: Date): Promise<void> {
  const comments = await CommunityCommentModel.find({ authorId: memberId, state: { $in: NOT_DELETED } }, { _id: 1 }).lean();
  for (const comment of comments) await transitionComment(comment._id, { from: NOT_DELETED, to: 'deleted', now, reason: '账号注销' });
  await CommunityCommentModel.deleteMany({ authorId: memberId, countPending: false });
  await CommunityCommentModel.updateMany({ replyToMemberId: memberId }, { $set: { replyToMemberId: null } });
}

/** Files first, then documents: a crash in between is finished by the next run (deleting a missing file is nothing). */
async function erasePhotos(memberId: Types.ObjectId, photos: PhotoStore): Promise<void> {
  const owned = await CommunityPhotoModel.find({ ownerId: memberId }, { _id: 1 }).lean();
  await photos.delete(owned.flatMap((photo) => PHOTO_SIZES.map((size) => photoKey(photo._id.toHexString(), size))));
  await MediaCheckModel.deleteMany({ photoId: { $in: owned.map((photo) => photo._id) } });
  await CommunityPhotoModel.deleteMany({ _id: { $in: owned.map((photo) => photo._id) } });
}

/** The member's posts go, with what hangs on them (others' comments and likes of them). */
async function erasePosts(memberId: Types.ObjectId): Promise<void> {
  const posts = await CommunityPostModel.find({ authorId: memberId }, { _id: 1 }).lean();
  const ids = posts.map((post) => post._id);
  await CommunityLikeModel.deleteMany({ postId: { $in: ids } });
  await CommunityCommentModel.deleteMany({ postAuthorId: memberId });
  await CommunityPostModel.deleteMany({ _id: { $in: ids } });
}

/** The community's entries of the personal-data registry (erasure runs them in this order). */
export const communityHolders: readonly PersonalDataHolder[] = [
  {
    model: 'CommunityLike',
    fields: ['_id', 'memberId', 'postId'],
    erasure: 'delete',
    why: 'The member’s likes: taken back (the posts’ counts drop) and deleted, then the posts forget the counting keys that named them; likes of their own posts go with the posts.',
    erase: async ({ memberId, now }) => {
      await withdrawLikes(memberId, now);
      await forgetLikeKeys(memberId);
    },
    exportedIn: ['community'],
  },
  {
    model: 'CommunityComment',
    fields: ['authorId', 'postAuthorId', 'replyToMemberId', 'text', 'createKey', 'textVerdict', 'history'],
    erasure: 'delete',
    why: 'Comments the member wrote (and others’ comments on the member’s posts, which go with the posts); replies to the member no longer name them.',
    erase: ({ memberId, now }) => eraseComments(memberId, now),
    exportedIn: ['community'],
  },
  {
    model: 'CommunityReport',
    fields: ['reporterId', 'targetAuthorId', 'targetId', 'key', 'note'],
    erasure: 'delete',
    why: 'Reports the member made, and reports about the member’s posts and comments (which are deleted).',
    erase: ({ memberId }) => CommunityReportModel.deleteMany({ $or: [{ reporterId: memberId }, { targetAuthorId: memberId }] }),
    exportedIn: ['community'],
  },
  {
    model: 'CommunityBlock',
    fields: ['key', 'blockerId', 'blockedId'],
    erasure: 'delete',
    why: 'Blocks the member made, and blocks of the member by others.',
    erase: ({ memberId }) => CommunityBlockModel.deleteMany({ $or: [{ blockerId: memberId }, { blockedId: memberId }] }),
    exportedIn: ['community'],
  },
  {
    model: 'CommunityPhoto',
    fields: ['ownerId', 'postId'],
    erasure: 'delete',
    why: 'Photos the member uploaded: the stored files (GridFS or the bucket) and their records, posted or not.',
    erase: ({ memberId, photos }) => erasePhotos(memberId, photos),
    exportedIn: ['community'],
  },
  {
    model: 'CommunityPost',
    fields: ['authorId', 'createKey', 'text', 'textVerdict', 'history', 'counterOps'],
    erasure: 'delete',
    why: 'Posts the member wrote, with the likes and comments on them.',
    erase: ({ memberId }) => erasePosts(memberId),
    exportedIn: ['community'],
  },
  {
    model: 'CommunityMember',
    fields: ['_id'],
    erasure: 'delete',
    why: 'The member’s standing in the community (a mute by moderators).',
    erase: ({ memberId }) => CommunityMemberModel.deleteOne({ _id: memberId }),
    exportedIn: ['community'],
  },
];

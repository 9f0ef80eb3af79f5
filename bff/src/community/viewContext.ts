import type { Types } from 'mongoose';
import { shownAvatarUrl } from '../members/avatarCheck';
import { MemberModel, type Member } from '../members/Member.model';
import type { CommunityComment } from './CommunityComment.model';
import { CommunityLikeModel, likeIdOf } from './CommunityLike.model';
import { CommunityPhotoModel } from './CommunityPhoto.model';
import type { CommunityPost } from './CommunityPost.model';
import { CommunityTopicModel } from './CommunityTopic.model';
import type { AuthorFacts, ViewContext } from './presentPost';

/** What presenting an author reads: select these fields when loading members to show as authors. */
export const AUTHOR_FIELDS = { nickname: 1, nicknameReview: 1, avatarUrl: 1, avatarCheck: 1 } as const;

export function authorFactsOf(member: Pick<Member, 'nickname' | 'nicknameReview' | 'avatarUrl' | 'avatarCheck'>): AuthorFacts {
  return { nickname: member.nickname, nicknameInReview: Boolean(member.nicknameReview), avatarUrl: member.avatarUrl, shownAvatarUrl: shownAvatarUrl(member) };
}

async function authorsOf(ids: readonly Types.ObjectId[]): Promise<Map<string, AuthorFacts>> {
  if (ids.length === 0) return new Map();
  const members = await MemberModel.find({ _id: { $in: ids } }, AUTHOR_FIELDS).lean();
  return new Map(members.map((member) => [member._id.toHexString(), authorFactsOf(member)]));
}

/** Loads, in a handful of queries, what presenting these posts and comments to this viewer needs. */
export async function viewContextFor(
  viewerId: Types.ObjectId | null,
  posts: readonly CommunityPost[],
  comments: readonly CommunityComment[] = [],
): Promise<ViewContext> {
  const authorIds = [...posts.map((post) => post.authorId), ...comments.flatMap((comment) => [comment.authorId, ...(comment.replyToMemberId ? [comment.replyToMemberId] : [])])];
  const topicCodes = [...new Set(posts.flatMap((post) => (post.topicCode ? [post.topicCode] : [])))];
  const photoIds = posts.flatMap((post) => post.photoIds);
  const [authors, topics, photos, likes] = await Promise.all([
    authorsOf(authorIds),
    topicCodes.length > 0 ? CommunityTopicModel.find({ code: { $in: topicCodes } }).lean() : [],
    photoIds.length > 0 ? CommunityPhotoModel.find({ _id: { $in: photoIds } }, { urlToken: 1, width: 1, height: 1 }).lean() : [],
    viewerId && posts.length > 0
      ? CommunityLikeModel.find({ _id: { $in: posts.map((post) => likeIdOf(post._id, viewerId)) }, active: true }, { postId: 1 }).lean()
      : [],
  ]);
  return {
    viewerId,
    authors,
    topics: new Map(topics.map((topic) => [topic.code, topic])),
    photos: new Map(photos.map((photo) => [photo._id.toHexString(), photo])),
    liked: new Set(likes.map((like) => like.postId.toHexString())),
  };
}

import {
  communityPhotoPath,
  memberContentStatus,
  toBusinessIso,
  type CommunityAuthor,
  type CommunityComment as CommentView,
  type CommunityPhoto as PhotoView,
  type CommunityPost as PostView,
  type CommunityTopic as TopicView,
} from '@cakeday/shared';
import type { Types } from 'mongoose';
import type { CommunityComment } from './CommunityComment.model';
import type { CommunityPhoto } from './CommunityPhoto.model';
import type { CommunityPost } from './CommunityPost.model';
import type { CommunityTopic } from './CommunityTopic.model';

/** What a friend sees of a member whose nickname is missing or waiting for a review. */
export const DEFAULT_COMMUNITY_NICKNAME = '微信好友';

export interface AuthorFacts {
  nickname: string | null;
  nicknameInReview: boolean;
  avatarUrl: string | null;
  /** The avatar others see (the default face until an upload passed WeChat's image check). */
  shownAvatarUrl: string | null;
}

/** Everything a page of posts or comments needs besides the documents, loaded once per page (viewContext.ts). */
export interface ViewContext {
  viewerId: Types.ObjectId | null;
  authors: Map<string, AuthorFacts>;
  topics: Map<string, CommunityTopic>;
  photos: Map<string, Pick<CommunityPhoto, '_id' | 'urlToken' | 'width' | 'height'>>;
  /** Ids of the posts the viewer likes. */
  liked: Set<string>;
}

export function presentPhoto(photo: Pick<CommunityPhoto, '_id' | 'urlToken' | 'width' | 'height'>): PhotoView {
  return {
    id: photo._id.toHexString(),
    thumbUrl: communityPhotoPath(photo.urlToken, 'thumb'),
    displayUrl: communityPhotoPath(photo.urlToken, 'display'),
    width: photo.width,
    height: photo.height,
  };
}

export function presentTopic(topic: Pick<CommunityTopic, 'code' | 'name' | 'description'>): TopicView {
  return { code: topic.code, name: topic.name, description: topic.description };
}

/** The author as others see them: their own nickname and uploaded avatar only once they passed their checks. */
export function presentAuthor(facts: AuthorFacts | undefined, viewerIsAuthor: boolean): CommunityAuthor {
  const shown = facts?.nickname && (viewerIsAuthor || !facts.nicknameInReview) ? facts.nickname : DEFAULT_COMMUNITY_NICKNAME;
  return { nickname: shown, avatarUrl: (viewerIsAuthor ? facts?.avatarUrl : facts?.shownAvatarUrl) ?? null };
}

const isViewer = (context: ViewContext, memberId: Types.ObjectId): boolean => context.viewerId !== null && memberId.equals(context.viewerId);

export function presentPost(post: CommunityPost, context: ViewContext): PostView {
  const mine = isViewer(context, post.authorId);
  const topic = post.topicCode ? context.topics.get(post.topicCode) : undefined;
  return {
    id: post._id.toHexString(),
    author: presentAuthor(context.authors.get(post.authorId.toHexString()), mine),
    text: post.text,
    topic: topic ? presentTopic(topic) : null,
    photos: post.photoIds.flatMap((id) => {
      const photo = context.photos.get(id.toHexString());
      return photo ? [presentPhoto(photo)] : [];
    }),
    likeCount: Math.max(0, post.likeCount),
    commentCount: Math.max(0, post.commentCount),
    liked: context.liked.has(post._id.toHexString()),
    mine,
    status: memberContentStatus(post.state) ?? 'rejected',
    createdAt: toBusinessIso(post.createdAt),
  };
}

export function presentComment(comment: CommunityComment, context: ViewContext): CommentView {
  const mine = isViewer(context, comment.authorId);
  return {
    id: comment._id.toHexString(),
    postId: comment.postId.toHexString(),
    parentId: comment.parentId?.toHexString() ?? null,
    replyTo: comment.replyToMemberId ? presentAuthor(context.authors.get(comment.replyToMemberId.toHexString()), isViewer(context, comment.replyToMemberId)) : null,
    author: presentAuthor(context.authors.get(comment.authorId.toHexString()), mine),
    text: comment.text,
    mine,
    status: memberContentStatus(comment.state) ?? 'rejected',
    createdAt: toBusinessIso(comment.createdAt),
  };
}

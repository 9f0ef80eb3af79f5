import { type CommunityPost, type CommunityTopic, type ReportReason, type RouteResponse } from '@cakeday/shared';
import { useState } from 'react';
import { call } from '../api/client';
import { showSuccessToast } from '../components/feedback';
import { useAction, type Action } from './useAction';
import { usePagedList, type PagedList } from './usePagedList';
import { useRemoteData, type RemoteData } from './useRemoteData';

export type FeedSort = 'latest' | 'hot';

/** The community's feed, newest or 热门, optionally one topic; ten posts at a time. */
export function useCommunityFeed(sort: FeedSort, topicCode: string | null): PagedList<CommunityPost> {
  return usePagedList<CommunityPost, RouteResponse<'community.feed'>>(
    (cursor) => call('community.feed', { sort, ...(topicCode ? { topicCode } : {}), ...(cursor ? { cursor } : {}), limit: 10 }),
    `${sort}:${topicCode ?? ''}`,
  );
}

export function useCommunityTopics(): RemoteData<{ topics: CommunityTopic[] }> {
  return useRemoteData(() => call('community.topics', {}));
}

export interface LikeState {
  liked: boolean;
  likeCount: number;
  toggle: Action<[], void>;
}

/** A post's like, kept on the card: the answer of the BFF (the count it holds) replaces what was shown. */
export function useLike(post: Pick<CommunityPost, 'id' | 'liked' | 'likeCount'>): LikeState {
  const [state, setState] = useState<{ liked: boolean; likeCount: number } | null>(null);
  const current = state ?? { liked: post.liked, likeCount: post.likeCount };
  const toggle = useAction(async () => {
    const answer = await call(current.liked ? 'community.unlike' : 'community.like', { postId: post.id });
    setState(answer);
  });
  return { ...current, toggle };
}

/** What a member can do about someone else's post or comment, or their own. */
export interface ContentActions {
  report: Action<[target: { kind: 'post' | 'comment'; id: string }, reason: ReportReason], void>;
  block: Action<[target: { kind: 'post' | 'comment'; id: string }], void>;
  deletePost: Action<[postId: string], void>;
  deleteComment: Action<[commentId: string], void>;
}

/** `onChanged` is told what happened, so that a page can leave a post its author deleted. */
export function useContentActions(onChanged: (change: 'post-deleted' | 'changed') => void): ContentActions {
  const report = useAction(async (target: { kind: 'post' | 'comment'; id: string }, reason: ReportReason) => {
    await call('community.report', { target, reason });
    showSuccessToast('已收到举报');
  });
  const block = useAction(async (target: { kind: 'post' | 'comment'; id: string }) => {
    await call('community.block', { target });
    showSuccessToast('已屏蔽该作者');
    onChanged('changed');
  });
  const deletePost = useAction(async (postId: string) => {
    await call('community.delete', { postId });
    showSuccessToast('已删除');
    onChanged('post-deleted');
  });
  const deleteComment = useAction(async (commentId: string) => {
    await call('community.deleteComment', { commentId });
    showSuccessToast('已删除');
    onChanged('changed');
  });
  return { report, block, deletePost, deleteComment };
}

import { type CommunityComment, type CommunityPost, type RouteResponse } from '@cakeday/shared';
import { useState } from 'react';
import { call } from '../api/client';
import { showSuccessToast } from '../components/feedback';
import { newIdempotencyKey } from './idempotencyKey';
import { useAction, type Action } from './useAction';
import { usePagedList, type PagedList } from './usePagedList';
import { useRemoteData, type RemoteData } from './useRemoteData';

export interface PostPageState {
  post: RemoteData<{ post: CommunityPost }>;
  comments: PagedList<CommunityComment>;
  /** The comment being answered, if any. */
  replyTo: CommunityComment | null;
  setReplyTo(comment: CommunityComment | null): void;
  send: Action<[text: string], boolean>;
}

/** A post with its comments, and writing a comment or a reply (one submit key per text, kept across retries). */
export function usePostPage(postId: string): PostPageState {
  const post = useRemoteData(() => call('community.post', { postId }));
  const comments = usePagedList<CommunityComment, RouteResponse<'community.comments'>>(
    (cursor) => call('community.comments', { postId, ...(cursor ? { cursor } : {}), limit: 20 }),
    postId,
  );
  const [replyTo, setReplyTo] = useState<CommunityComment | null>(null);
  const [draft, setDraft] = useState<{ text: string; key: string } | null>(null);
  const send = useAction(async (text: string) => {
    const key = draft && draft.text === text ? draft.key : newIdempotencyKey();
    setDraft({ text, key });
    const { comment } = await call('community.comment', { postId, text, idempotencyKey: key, ...(replyTo ? { replyToCommentId: replyTo.id } : {}) });
    setDraft(null);
    setReplyTo(null);
    showSuccessToast(comment.status === 'published' ? '评论成功' : '评论已提交，审核通过后展示');
    await Promise.all([comments.reload(), post.reload()]);
    return true;
  });
  return { post, comments, replyTo, setReplyTo, send };
}

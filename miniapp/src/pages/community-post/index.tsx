import { useState } from 'react';
import Taro, { getCurrentInstance, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { COMMENT_TEXT_MAX_LENGTH } from '@cakeday/shared';
import { CardSkeleton } from '../../components/CardSkeleton';
import { PostCard } from '../../components/PostCard';
import { RemoteView } from '../../components/RemoteView';
import { useContentActions } from '../../hooks/useCommunity';
import { usePostPage } from '../../hooks/usePostPage';
import { CommentRow } from './CommentRow';
import { openContentMenu } from './contentMenu';
import './index.scss';

export function PostPage(): JSX.Element {
  const postId = getCurrentInstance().router?.params.id ?? '';
  const page = usePostPage(postId);
  const [text, setText] = useState('');
  const actions = useContentActions((change) => {
    if (change === 'post-deleted') void Taro.navigateBack();
    else void Promise.all([page.post.reload(), page.comments.reload()]);
  });
  useReachBottom(() => {
    if (page.comments.hasMore) void page.comments.loadMore();
  });
  const send = async (): Promise<void> => {
    if (await page.send.run(text.trim())) setText('');
  };

  return (
    <View className='post-page'>
      <RemoteView remote={page.post} skeleton={<CardSkeleton cards={1} />}>
        {({ post }) => (
          <>
            <PostCard post={post} full />
            <View className='post-page__actions'>
              <Text className='post-page__action' onClick={() => void openContentMenu({ kind: 'post', id: post.id }, post.mine, actions)}>
                {post.mine ? '删除帖子' : '举报或屏蔽'}
              </Text>
            </View>
            <View className='post-page__comments'>
              <Text className='post-page__title'>评论 {post.commentCount}</Text>
              {page.comments.items.length === 0 && !page.comments.loading ? <Text className='post-page__empty'>还没有评论，来说点什么吧</Text> : null}
              {page.comments.items.map((comment) => (
                <CommentRow
                  key={comment.id}
                  comment={comment}
                  onReply={() => page.setReplyTo(comment)}
                  onMore={() => void openContentMenu({ kind: 'comment', id: comment.id }, comment.mine, actions)}
                />
              ))}
            </View>
            {post.status === 'published' ? (
              <View className='post-page__composer'>
                {page.replyTo ? (
                  <Text className='post-page__replying' onClick={() => page.setReplyTo(null)}>
                    回复 {page.replyTo.author.nickname} ✕
                  </Text>
                ) : null}
                <View className='post-page__composer-row'>
                  <Input className='post-page__input' value={text} maxLength={COMMENT_TEXT_MAX_LENGTH} placeholder='说点什么…' onChange={setText} />
                  <Button type='primary' size='small' disabled={text.trim() === ''} loading={page.send.pending} onClick={() => void send()}>
                    发送
                  </Button>
                </View>
              </View>
            ) : null}
          </>
        )}
      </RemoteView>
    </View>
  );
}

export default PostPage;

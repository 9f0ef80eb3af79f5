import { Text, View } from '@tarojs/components';
import { type CommunityComment } from '@cakeday/shared';
import { formatBusinessDateTime } from '../../format/dates';
import { InReviewMark } from '../../components/InReviewMark';

interface CommentRowProps {
  comment: CommunityComment;
  onReply(): void;
  onMore(): void;
}

/** One comment or reply ("A 回复 B：…"); replies sit indented under their thread. */
export function CommentRow({ comment, onReply, onMore }: CommentRowProps): JSX.Element {
  return (
    <View className={`post-page__comment${comment.parentId ? ' post-page__comment--reply' : ''}`}>
      <Text className='post-page__comment-who'>
        {comment.author.nickname}
        {comment.replyTo ? ` 回复 ${comment.replyTo.nickname}` : ''}
        {comment.status === 'reviewing' ? <InReviewMark /> : null}
      </Text>
      <Text className='post-page__comment-text'>{comment.text}</Text>
      <View className='post-page__comment-meta'>
        <Text>{formatBusinessDateTime(comment.createdAt)}</Text>
        {comment.status === 'published' ? (
          <Text className='post-page__comment-action' onClick={onReply}>
            回复
          </Text>
        ) : null}
        <Text className='post-page__comment-action' onClick={onMore}>
          {comment.mine ? '删除' : '更多'}
        </Text>
      </View>
    </View>
  );
}

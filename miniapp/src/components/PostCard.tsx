import { Image, Text, View } from '@tarojs/components';
import { type CommunityPost } from '@cakeday/shared';
import { bffUrl } from '../api/client';
import { formatBusinessDateTime } from '../format/dates';
import { useLike } from '../hooks/useCommunity';
import { Avatar } from './Avatar';
import { InReviewMark } from './InReviewMark';
import './PostCard.scss';
import { imageAlt } from './imageAlt';

interface PostCardProps {
  post: CommunityPost;
  /** The feed shows a few lines and opens the post; the post's page shows all of it. */
  full?: boolean;
  onOpen?(): void;
}

/** What the author alone sees about a post that is not public (yet). */
function StatusNote({ status }: { status: CommunityPost['status'] }): JSX.Element | null {
  if (status === 'reviewing') return <Text className='post-card__note'>审核中，通过后其他人才能看到</Text>;
  if (status === 'rejected') return <Text className='post-card__note post-card__note--rejected'>未通过审核，仅自己可见</Text>;
  return null;
}

/** A post: author, text, photos, topic, and the like button (its count follows the BFF's answer). */
export function PostCard({ post, full = false, onOpen }: PostCardProps): JSX.Element {
  const like = useLike(post);
  const photos = full ? post.photos : post.photos.slice(0, 3);
  return (
    <View className='post-card' onClick={onOpen}>
      <View className='post-card__author'>
        <Avatar person={post.author} size='small' />
        <View className='post-card__who'>
          <Text className='post-card__nickname'>
            {post.author.nickname}
            {post.status === 'reviewing' ? <InReviewMark /> : null}
          </Text>
          <Text className='post-card__time'>{formatBusinessDateTime(post.createdAt)}</Text>
        </View>
      </View>
      <StatusNote status={post.status} />
      {post.text ? <Text className={`post-card__text${full ? '' : ' post-card__text--clamped'}`}>{post.text}</Text> : null}
      {photos.length > 0 ? (
        <View className={`post-card__photos post-card__photos--${Math.min(photos.length, 3)}`}>
          {photos.map((photo, index) => (
            <Image
              key={photo.id}
              className='post-card__photo'
              src={bffUrl(full ? photo.displayUrl : photo.thumbUrl)}
              mode='aspectFill'
              lazyLoad
              {...imageAlt(`${post.author.nickname}的配图 ${index + 1}/${photos.length}`)}
            />
          ))}
        </View>
      ) : null}
      <View className='post-card__footer'>
        {post.topic ? <Text className='post-card__topic'>#{post.topic.name}#</Text> : <Text />}
        <View className='post-card__counts'>
          {post.status === 'published' ? (
            <Text
              className={`post-card__like${like.liked ? ' post-card__like--on' : ''}`}
              aria-label={like.liked ? '取消点赞' : '点赞'}
              onClick={(event) => {
                event.stopPropagation();
                void like.toggle.run();
              }}
            >
              {like.liked ? '♥' : '♡'} {like.likeCount}
            </Text>
          ) : null}
          <Text className='post-card__comments'>💬 {post.commentCount}</Text>
        </View>
      </View>
    </View>
  );
}

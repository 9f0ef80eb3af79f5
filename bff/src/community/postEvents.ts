import { eventKey, recordEvent } from '../events/recordEvent';
import type { CommunityPost } from './CommunityPost.model';

/**
 * A post's first publication, once (`post.published:<postId>`): a post restored after a removal is not published
 * again. Called after the write that publishes it and by the author's retry of the same create, which finds the post
 * stored and records what a crash in between left out.
 */
export async function recordPostPublished(post: Pick<CommunityPost, '_id' | 'authorId' | 'state' | 'publishedAt' | 'topicCode' | 'photoIds'>, now: Date): Promise<void> {
  if (post.state !== 'published') return;
  const id = post._id.toHexString();
  await recordEvent(
    {
      type: 'post.published',
      key: eventKey('post.published', id),
      at: post.publishedAt ?? now,
      memberId: post.authorId,
      subject: { type: 'post', id },
      props: { topicCode: post.topicCode ?? null, photos: post.photoIds.length },
    },
    now,
  );
}

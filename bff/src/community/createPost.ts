import { hotScore, type CommunityCreateRequest, type ContentState, type CommunityPost as PostView } from '@cakeday/shared';
import { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { conflict, unprocessable } from '../errors/AppError';
import type { Principal } from '../http/context';
import { TEXT_SCENES } from '../moderation/checkMemberText';
import { moderateText, type ModeratedText } from '../moderation/moderateText';
import type { TextCheckContext } from '../moderation/textContext';
import { requireCommunityWriter, takeCommunitySlot } from './communityWriter';
import { CommunityPhotoModel } from './CommunityPhoto.model';
import { CommunityPostModel, type CommunityPost } from './CommunityPost.model';
import { CommunityTopicModel } from './CommunityTopic.model';
import { requestPostPhotoChecks, type MediaCheckContext } from './mediaChecks';
import { recordPostPublished } from './postEvents';
import { presentPost } from './presentPost';
import { viewContextFor } from './viewContext';

/** WeChat pushes a photo's verdict within 30 minutes; after that the timeout job queues the post. */
export const PHOTO_VERDICT_WAIT_MS = 30 * 60_000;

export interface CreatePostContext extends TextCheckContext, MediaCheckContext {
  postsPerDay: number;
}

async function present(post: CommunityPost, viewer: Types.ObjectId): Promise<PostView> {
  return presentPost(post, await viewContextFor(viewer, [post]));
}

/** The state a new post starts in: the queue if its text is held, pending while photos await verdicts, else published. */
function initialState(text: ModeratedText | null, photoCount: number): ContentState {
  if (text && text.outcome !== 'pass') return 'in_review';
  return photoCount > 0 ? 'pending' : 'published';
}

/**
 * community.create: a writer (phone bound, not muted) posts text and photos they uploaded, with an optional active
 * topic. The text goes through the word list and msgSecCheck (scene 3) first; the day's cap is taken by the
 * submit's key (a retry takes nothing more); the post is stored once per key; then its photos go to
 * mediaCheckAsync. Others see it only once published.
 */
export async function createPost(principal: Principal, input: CommunityCreateRequest, context: CreatePostContext): Promise<PostView> {
  const { now } = context;
  const authorId = new Types.ObjectId(principal.memberId);
  const createKey = `${principal.memberId}:${input.idempotencyKey}`;
  const existing = await CommunityPostModel.findOne({ createKey }).lean();
  if (existing) {
    const same = existing.topicCode === input.topicCode && existing.photoIds.map(String).join() === input.photoIds.join();
    if (!same) throw conflict('IDEMPOTENCY_KEY_REUSED');
    await recordPostPublished(existing, now);
    return present(existing, authorId);
  }

  await requireCommunityWriter(principal.memberId, now);
  if (input.topicCode && !(await CommunityTopicModel.exists({ code: input.topicCode, active: true }))) throw unprocessable('COMMUNITY_TOPIC_UNAVAILABLE');
  const photoIds = input.photoIds.map((id) => new Types.ObjectId(id));
  const usable = await CommunityPhotoModel.countDocuments({ _id: { $in: photoIds }, ownerId: authorId, postId: null });
  if (usable !== photoIds.length) throw unprocessable('COMMUNITY_PHOTO_UNAVAILABLE');

  const text = input.text === '' ? null : await moderateText({ openid: principal.openid, scene: TEXT_SCENES.post, content: input.text, refusal: 'COMMUNITY_CONTENT_REJECTED' }, context);
  await takeCommunitySlot('community-post', principal.memberId, createKey, context.postsPerDay, now);

  const state = initialState(text, photoIds.length);
  let post: CommunityPost;
  try {
    const created = await CommunityPostModel.create({
      authorId,
      createKey,
      text: text?.content ?? '',
      topicCode: input.topicCode,
      photoIds,
      likeCount: 0,
      commentCount: 0,
      hotScore: hotScore({ likes: 0, comments: 0 }, now),
      state,
      reviewReasons: text?.reasons ?? [],
      textVerdict: text?.verdict ?? null,
      history: [],
      verdictDueAt: state === 'pending' ? new Date(now.getTime() + PHOTO_VERDICT_WAIT_MS) : null,
      publishedAt: state === 'published' ? now : null,
      createdAt: now,
      updatedAt: now,
    });
    post = created.toObject();
    await recordPostPublished(post, now);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const raced = await CommunityPostModel.findOne({ createKey }).lean();
    if (!raced) throw conflict();
    return present(raced, authorId);
  }
  if (photoIds.length > 0) {
    await CommunityPhotoModel.updateMany({ _id: { $in: photoIds }, ownerId: authorId, postId: null }, { $set: { postId: post._id } });
    await requestPostPhotoChecks(post, principal.openid, context);
  }
  return present((await CommunityPostModel.findById(post._id).lean()) ?? post, authorId);
}

import { communityPhotoPath } from '@cakeday/shared';
import type { Logger } from '../logger';
import type { WechatSecurity } from '../wechat/types';
import { TEXT_SCENES } from '../moderation/checkMemberText';
import { CommunityPhotoModel, type CommunityPhoto } from './CommunityPhoto.model';
import type { CommunityPost } from './CommunityPost.model';
import { MediaCheckModel } from './MediaCheck.model';
import { evaluatePostPhotos } from './evaluatePostPhotos';
import { isDuplicateKeyError } from '../db/duplicateKey';

export interface MediaCheckContext {
  security: WechatSecurity;
  /** PUBLIC_BASE_URL: WeChat downloads the photo from the public internet. */
  publicBaseUrl: string;
  logger: Logger;
  now: Date;
}

/** The trace's document, created by whichever of request and verdict comes first. */
export async function ensureMediaCheck(traceId: string): Promise<void> {
  await MediaCheckModel.updateOne({ _id: traceId }, { $setOnInsert: { photoId: null, postId: null, verdict: null, requestedAt: null, verdictAt: null } }, { upsert: true }).catch(
    (error: unknown) => {
      if (!isDuplicateKeyError(error)) throw error;
    },
  );
}

/**
 * Once a trace has both its photo and its verdict, records the verdict on the photo (once: only a photo still
 * waiting moves) and lets the post follow. Safe to call any number of times, from either side.
 */
export async function settleMediaCheck(traceId: string, now: Date): Promise<void> {
  const check = await MediaCheckModel.findById(traceId).lean();
  if (!check?.photoId || !check.postId || !check.verdict) return;
  await CommunityPhotoModel.updateOne(
    { _id: check.photoId, 'check.state': { $in: ['unsent', 'requested', 'failed'] } },
    { $set: { 'check.state': check.verdict.suggest, 'check.label': check.verdict.label, 'check.traceId': traceId, 'check.verdictAt': check.verdictAt ?? now } },
  );
  await evaluatePostPhotos(check.postId, now);
}

/**
 * Sends one photo to mediaCheckAsync (scene 3, its public display URL) and records the trace; a call WeChat
 * refuses or that fails marks the photo `failed`, which sends the post to the queue (never published unchecked).
 */
async function requestPhotoCheck(photo: CommunityPhoto, post: CommunityPost, openid: string, context: MediaCheckContext): Promise<void> {
  const mediaUrl = `${context.publicBaseUrl.replace(/\/$/, '')}${communityPhotoPath(photo.urlToken, 'display')}`;
  let traceId: string;
  try {
    ({ traceId } = await context.security.mediaCheckAsync({ openid, scene: TEXT_SCENES.post, mediaUrl, mediaType: 'image' }));
  } catch (error) {
    context.logger.warn({ err: error, photoId: photo._id.toHexString() }, 'mediaCheckAsync failed: the post goes to the queue');
    await CommunityPhotoModel.updateOne({ _id: photo._id, 'check.state': 'unsent' }, { $set: { 'check.state': 'failed', 'check.requestedAt': context.now } });
    return;
  }
  await ensureMediaCheck(traceId);
  await MediaCheckModel.updateOne({ _id: traceId }, { $set: { photoId: photo._id, postId: post._id, requestedAt: context.now } });
  await CommunityPhotoModel.updateOne(
    { _id: photo._id, 'check.state': 'unsent' },
    { $set: { 'check.state': 'requested', 'check.traceId': traceId, 'check.requestedAt': context.now } },
  );
  await settleMediaCheck(traceId, context.now);
}

/** Sends every photo of a new post that has not been sent yet, then lets the post follow what is known. */
export async function requestPostPhotoChecks(post: CommunityPost, openid: string, context: MediaCheckContext): Promise<void> {
  const photos = await CommunityPhotoModel.find({ _id: { $in: post.photoIds }, postId: post._id, 'check.state': 'unsent' }).lean();
  for (const photo of photos) await requestPhotoCheck(photo, post, openid, context);
  await evaluatePostPhotos(post._id, context.now);
}

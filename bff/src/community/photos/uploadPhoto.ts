import { POST_PHOTOS_MAX, PHOTO_SIZES, type CommunityPhoto as PhotoView } from '@cakeday/shared';
import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { requireCommunityWriter, takeCommunitySlot } from '../communityWriter';
import { CommunityPhotoModel } from '../CommunityPhoto.model';
import { presentPhoto } from '../presentPost';
import { photoKey, type PhotoStore } from './photoStore';
import { processPhoto } from './processPhoto';

export interface UploadContext {
  now: Date;
  store: PhotoStore;
  postsPerDay: number;
}

/**
 * One uploaded photo: the writer's checks (phone, not muted), a daily cap of uploads (enough for every post of
 * the day with a retry each), then processed (type by bytes, re-encoded, metadata stripped) BEFORE anything is
 * stored, stored, and recorded as the member's unattached photo.
 */
export async function uploadPhoto(memberId: string, upload: Buffer, context: UploadContext): Promise<PhotoView> {
  await requireCommunityWriter(memberId, context.now);
  const processed = await processPhoto(upload);
  const photoId = new Types.ObjectId();
  await takeCommunitySlot('community-photo', memberId, photoId.toHexString(), context.postsPerDay * POST_PHOTOS_MAX * 2, context.now);
  for (const size of PHOTO_SIZES) await context.store.put(photoKey(photoId.toHexString(), size), processed.sizes[size], 'image/jpeg');
  const photo = await CommunityPhotoModel.create({
    _id: photoId,
    urlToken: randomBytes(16).toString('base64url'),
    ownerId: new Types.ObjectId(memberId),
    postId: null,
    width: processed.width,
    height: processed.height,
    bytes: upload.length,
    check: { state: 'unsent', label: null, traceId: null, requestedAt: null, verdictAt: null },
    createdAt: context.now,
  });
  return presentPhoto(photo.toObject());
}

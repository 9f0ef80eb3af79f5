import { AVATAR_MAX_BYTES } from '@cakeday/shared';
import { AppError } from '../errors/AppError';
import type { Principal } from '../http/context';
import { Types } from 'mongoose';
import { deleteAvatarFile, deleteAvatarFilesOf, newAvatarId, storeAvatarFile } from '../media/avatarFiles';
import { imageTypeOf } from '../media/imageType';
import { avatarUrlOf } from '../media/mediaRoutes';
import { requestAvatarCheck, uncheckedAvatar, type AvatarCheckContext } from './avatarCheck';
import { MemberModel, type Member } from './Member.model';
import { loadMember } from './loadMember';

/**
 * Stores the chosen picture and points the member to it. Steps, each safe to crash after: the file is written
 * (named by the member, so erasure finds it even if nothing points to it), the member moves to it only when no
 * newer upload got there first, then the member's older files go, then WeChat checks the image (avatarCheck.ts):
 * others see it once it passed. A crash before the check leaves it `unsent`: hidden from others, never shown unchecked.
 */
export async function uploadAvatar(
  principal: Principal,
  imageBase64: string,
  context: AvatarCheckContext & { publicBaseUrl: string },
): Promise<Member> {
  const bytes = Buffer.from(imageBase64, 'base64');
  if (bytes.length > AVATAR_MAX_BYTES) throw new AppError(422, 'AVATAR_TOO_LARGE');
  const contentType = imageTypeOf(bytes);
  if (!contentType) throw new AppError(422, 'AVATAR_TYPE_UNSUPPORTED');

  const memberId = new Types.ObjectId(principal.memberId);
  const id = newAvatarId();
  await storeAvatarFile(id, bytes, { memberId, contentType }, context.now);
  const avatarUrl = avatarUrlOf(context.publicBaseUrl, id);
  const moved = await MemberModel.updateOne(
    { _id: memberId, status: 'active', $or: [{ avatarUploadedAt: null }, { avatarUploadedAt: { $exists: false } }, { avatarUploadedAt: { $lte: context.now } }] },
    { $set: { avatarUrl, avatarUploadedAt: context.now, avatarCheck: uncheckedAvatar(id, context.now), updatedAt: context.now } },
  );
  // Not moved: a newer upload won, or the member is gone; either way this file is nobody's avatar.
  if (moved.matchedCount === 1) {
    await deleteAvatarFilesOf(memberId, context.now);
    await requestAvatarCheck({ memberId, openid: principal.openid }, id, avatarUrl, context);
  } else await deleteAvatarFile(id);
  return loadMember(principal.memberId);
}

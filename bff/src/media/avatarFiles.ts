import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import mongoose, { type Types } from 'mongoose';
import type { ImageType } from './imageType';

/** GridFS bucket of members' avatars: `avatars.files` (metadata.memberId names the owner) and `avatars.chunks`. */
export const AVATAR_BUCKET = 'avatars';

interface AvatarMetadata {
  memberId: Types.ObjectId;
  contentType: ImageType;
}

function bucket(): mongoose.mongo.GridFSBucket {
  const db = mongoose.connection.db;
  if (!db) throw new Error('the database is not connected');
  return new mongoose.mongo.GridFSBucket(db, { bucketName: AVATAR_BUCKET });
}

/** An id nobody can guess or enumerate: the avatar's address is public (images load without a session). */
export function newAvatarId(): string {
  return randomBytes(18).toString('base64url');
}

export async function storeAvatarFile(id: string, bytes: Buffer, metadata: AvatarMetadata, now: Date): Promise<void> {
  const upload = bucket().openUploadStreamWithId(id as never, `avatar-${id}`, { metadata });
  await new Promise<void>((resolve, reject) => {
    upload.once('finish', () => resolve());
    upload.once('error', reject);
    upload.end(bytes);
  });
  // GridFS stamps uploadDate from the wall clock; the business clock decides which upload is newer.
  await mongoose.connection.collection(`${AVATAR_BUCKET}.files`).updateOne({ _id: id as never }, { $set: { uploadDate: now } });
}

export async function openAvatarFile(id: string): Promise<{ contentType: ImageType; length: number; stream: Readable } | null> {
  const [file] = await bucket().find({ _id: id as never }).limit(1).toArray();
  if (!file) return null;
  const metadata = file.metadata as AvatarMetadata | undefined;
  return { contentType: metadata?.contentType ?? 'image/jpeg', length: file.length, stream: bucket().openDownloadStream(id as never) };
}

export async function deleteAvatarFile(id: string): Promise<void> {
  await bucket()
    .delete(id as never)
    .catch(ignoreMissing);
}

function ignoreMissing(error: unknown): void {
  // Another run deleted it first.
  if (!(error instanceof Error && /not found/i.test(error.message))) throw error;
}

/** Deletes the member's avatar files uploaded before `before` (all of them without it); safe to run again. */
export async function deleteAvatarFilesOf(memberId: Types.ObjectId, before?: Date): Promise<number> {
  const filter = { 'metadata.memberId': memberId, ...(before ? { uploadDate: { $lt: before } } : {}) };
  const files = await bucket().find(filter).toArray();
  for (const file of files) {
    await bucket().delete(file._id).catch(ignoreMissing);
  }
  return files.length;
}

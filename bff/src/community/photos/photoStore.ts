import type { Readable } from 'node:stream';

/**
 * Where photo files live: GridFS in MongoDB by default (any MongoDB, and the dev database), or an S3-compatible
 * bucket in production (PHOTO_STORE=s3). Keys are `<photoId>/<size>.jpg` for community photos and
 * `catalog/<sha256>.<ext>` for mall items' product photos (mall/catalogImages.ts); files are written once, never changed.
 */
export interface PhotoStore {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** null when there is no such file. */
  get(key: string): Promise<Readable | null>;
  delete(keys: readonly string[]): Promise<void>;
}

export const photoKey = (photoId: string, size: string): string => `${photoId}/${size}.jpg`;

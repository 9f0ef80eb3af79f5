import { DeleteObjectsCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import type { PhotoStore } from './photoStore';

export interface S3PhotoStoreOptions {
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Path-style addressing (MinIO and most S3-compatible services); virtual-hosted style otherwise. */
  forcePathStyle: boolean;
  /** Prefix of every key in the bucket. */
  prefix: string;
}

/** Photo files in an S3-compatible bucket (production): private objects, served through the BFF like GridFS's. */
export function createS3PhotoStore(options: S3PhotoStoreOptions): PhotoStore {
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
  });
  const keyOf = (key: string): string => `${options.prefix}${key}`;
  return {
    async put(key, data, contentType) {
      await client.send(new PutObjectCommand({ Bucket: options.bucket, Key: keyOf(key), Body: data, ContentType: contentType }));
    },
    async get(key): Promise<Readable | null> {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: options.bucket, Key: keyOf(key) }));
        return (object.Body as Readable | undefined) ?? null;
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return null;
        throw error;
      }
    },
    async delete(keys) {
      if (keys.length === 0) return;
      await client.send(new DeleteObjectsCommand({ Bucket: options.bucket, Delete: { Objects: keys.map((key) => ({ Key: keyOf(key) })), Quiet: true } }));
    },
  };
}

import mongoose from 'mongoose';
import type { Readable } from 'node:stream';
import type { PhotoStore } from './photoStore';

const BUCKET = 'community_photos';

/** GridFS takes any `_id`; the driver's types only name ObjectId. */
const fileId = (key: string): mongoose.mongo.ObjectId => key as unknown as mongoose.mongo.ObjectId;

/**
 * Photo files in GridFS (the `community_photos.files` / `.chunks` collections of the app's database). The key is
 * the file's `_id`, so reads and deletes go by `_id` (fast on any MongoDB, and on the dev database, whose
 * non-unique indexes do nothing). `database` is the app's connection unless another is named (the dev seed's).
 */
export function createGridfsPhotoStore(database: () => mongoose.mongo.Db | undefined = () => mongoose.connection.db): PhotoStore {
  // The connection exists only once the app has connected: the bucket is made on each use.
  const bucket = (): mongoose.mongo.GridFSBucket => {
    const db = database();
    if (!db) throw new Error('photo store: the database is not connected');
    return new mongoose.mongo.GridFSBucket(db, { bucketName: BUCKET });
  };
  const exists = async (key: string): Promise<boolean> => (await bucket().find({ _id: fileId(key) }).limit(1).toArray()).length > 0;
  return {
    async put(key, data, contentType) {
      await new Promise<void>((resolve, reject) => {
        const upload = bucket().openUploadStreamWithId(fileId(key), key, { metadata: { contentType } });
        upload.once('finish', () => resolve());
        upload.once('error', reject);
        upload.end(data);
      });
    },
    async get(key): Promise<Readable | null> {
      return (await exists(key)) ? bucket().openDownloadStream(fileId(key)) : null;
    },
    async delete(keys) {
      for (const key of keys) {
        if (await exists(key)) await bucket().delete(fileId(key));
      }
    },
  };
}

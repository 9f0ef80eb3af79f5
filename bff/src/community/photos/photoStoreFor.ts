import type { Config } from '../../config/config';
import { createGridfsPhotoStore } from './gridfsPhotoStore';
import type { PhotoStore } from './photoStore';
import { createS3PhotoStore } from './s3PhotoStore';

/** The photo store the configuration names (config.ts has already required the S3 settings for `s3`). */
export function photoStoreFor(config: Config): PhotoStore {
  if (config.PHOTO_STORE === 'gridfs') return createGridfsPhotoStore();
  return createS3PhotoStore({
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION,
    bucket: config.S3_BUCKET ?? '',
    accessKeyId: config.S3_ACCESS_KEY_ID ?? '',
    secretAccessKey: config.S3_SECRET_ACCESS_KEY ?? '',
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    prefix: config.S3_KEY_PREFIX,
  });
}

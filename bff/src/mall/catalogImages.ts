import { CATALOG_IMAGE_PATH_PREFIX, MALL_ITEM_IMAGE_MAX_BYTES, type MallItemImageType } from '@cakeday/shared';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { PhotoStore } from '../community/photos/photoStore';
import { unprocessable } from '../errors/AppError';
import { imageTypeOf } from '../media/imageType';

type Extension = 'jpg' | 'png' | 'webp';
const EXTENSION_OF: Record<MallItemImageType, Extension> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
export const CONTENT_TYPE_OF: Record<Extension, MallItemImageType> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/** Largest side kept: sharp on the item page of a 3x phone screen, small enough for a mall list on mobile data. */
const MAX_SIDE = 1200;
/** Refuses images whose pixel count would take too much memory to decode (a decompression bomb). */
const MAX_INPUT_PIXELS = 50_000_000;

/** A product photo ready to store: re-encoded bytes, named by their hash. */
export interface CatalogImage {
  /** The photo store's key. */
  key: string;
  /** Where the BFF serves it (what items and order snapshots hold). */
  path: string;
  data: Buffer;
  contentType: MallItemImageType;
}

/** The photo store's key of a catalog file (`catalog/<sha256>.<ext>`), or null for a name that is not one. */
export function catalogImageKey(fileName: string): string | null {
  return /^[0-9a-f]{64}\.(jpg|png|webp)$/.test(fileName) ? `catalog/${fileName}` : null;
}

/**
 * Checks an upload by its size and first bytes (never a file name or a claimed type), then re-encodes it in its own
 * format without metadata (a phone photo's EXIF and GPS never reach members) and at most MAX_SIDE pixels a side.
 */
export async function prepareCatalogImage(upload: Buffer): Promise<CatalogImage> {
  if (upload.length > MALL_ITEM_IMAGE_MAX_BYTES) throw unprocessable('MALL_ITEM_IMAGE_TOO_LARGE');
  const contentType = imageTypeOf(upload);
  if (!contentType) throw unprocessable('MALL_ITEM_IMAGE_TYPE_UNSUPPORTED');
  const data = await reencode(upload, contentType);
  const fileName = `${createHash('sha256').update(data).digest('hex')}.${EXTENSION_OF[contentType]}`;
  return { key: `catalog/${fileName}`, path: `${CATALOG_IMAGE_PATH_PREFIX}${fileName}`, data, contentType };
}

async function reencode(upload: Buffer, contentType: MallItemImageType): Promise<Buffer> {
  try {
    const pipeline = sharp(upload, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true });
    if (contentType === 'image/png') return await pipeline.png({ compressionLevel: 9 }).toBuffer();
    if (contentType === 'image/webp') return await pipeline.webp({ quality: 82 }).toBuffer();
    return await pipeline.jpeg({ quality: 85, progressive: true }).toBuffer();
  } catch {
    // Bytes that start like an image but do not decode as one.
    throw unprocessable('MALL_ITEM_IMAGE_TYPE_UNSUPPORTED');
  }
}

/**
 * Writes the file unless it is there already: the key is the content's hash, so the same photo is one file (two
 * items, or an upload retried) and a file once written never changes. Two uploads of the same photo at once may
 * race to write it: the loser finds it written.
 */
export async function storeCatalogImage(store: PhotoStore, image: CatalogImage): Promise<void> {
  if (await isStored(store, image.key)) return;
  try {
    await store.put(image.key, image.data, image.contentType);
  } catch (error) {
    if (!(await isStored(store, image.key))) throw error;
  }
}

async function isStored(store: PhotoStore, key: string): Promise<boolean> {
  const stream = await store.get(key);
  stream?.destroy();
  return stream !== null;
}

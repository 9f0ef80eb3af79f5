import { PHOTO_SIZE_PIXELS, PHOTO_SIZES, type PhotoSize } from '@cakeday/shared';
import sharp from 'sharp';
import { unprocessable } from '../../errors/AppError';
import { sniffImage } from './sniffImage';

/** Refuses images whose pixel count would take too much memory to decode (a decompression bomb). */
const MAX_INPUT_PIXELS = 50_000_000;

export interface ProcessedPhoto {
  sizes: Record<PhotoSize, Buffer>;
  /** Of the display size. */
  width: number;
  height: number;
}

/**
 * Turns an upload into what is stored: checked by its bytes, decoded, turned upright by its EXIF orientation, then
 * re-encoded as JPEG at each size WITHOUT any metadata (sharp keeps none unless asked), so EXIF, GPS above all,
 * never reaches storage. A GIF keeps its first frame; transparency turns white.
 */
export async function processPhoto(upload: Buffer): Promise<ProcessedPhoto> {
  if (!sniffImage(upload)) throw unprocessable('COMMUNITY_PHOTO_INVALID');
  try {
    const decoded = sharp(upload, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate().flatten({ background: '#ffffff' });
    const entries = await Promise.all(
      PHOTO_SIZES.map(async (size) => {
        const pixels = PHOTO_SIZE_PIXELS[size];
        const { data, info } = await decoded
          .clone()
          .resize({ width: pixels, height: pixels, fit: 'inside', withoutEnlargement: true })
          .jpeg({ quality: 82, progressive: true })
          .toBuffer({ resolveWithObject: true });
        return { size, data, info };
      }),
    );
    const display = entries.find((entry) => entry.size === 'display')!;
    return {
      sizes: Object.fromEntries(entries.map((entry) => [entry.size, entry.data])) as Record<PhotoSize, Buffer>,
      width: display.info.width,
      height: display.info.height,
    };
  } catch {
    // Bytes that look like an image but do not decode as one.
    throw unprocessable('COMMUNITY_PHOTO_INVALID');
  }
}

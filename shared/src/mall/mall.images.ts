/**
 * Product photos ops upload for mall items. The BFF keeps them in its photo store and serves them at
 * `/media/catalog/<sha256 of the bytes>.<ext>`: the address changes with the content, so an answer is cached for good.
 * Items and order snapshots hold that path; clients resolve it against the BFF's address (like community photos).
 */
export const MALL_ITEM_IMAGE_MAX_BYTES = 1024 * 1024;
/** Base64 grows 4/3: room above the byte limit, so a file slightly too large is refused with MALL_ITEM_IMAGE_TOO_LARGE. */
export const MALL_ITEM_IMAGE_MAX_BASE64_LENGTH = 1_500_000;
export const MALL_ITEM_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type MallItemImageType = (typeof MALL_ITEM_IMAGE_TYPES)[number];

export const CATALOG_IMAGE_PATH_PREFIX = '/media/catalog/';
export const CATALOG_IMAGE_PATH_PATTERN = /^\/media\/catalog\/[0-9a-f]{64}\.(jpg|png|webp)$/;

/** Whether an item's image is one the BFF stores (a path to resolve) rather than an https URL elsewhere. */
export function isCatalogImagePath(image: string): boolean {
  return CATALOG_IMAGE_PATH_PATTERN.test(image);
}

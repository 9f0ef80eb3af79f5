import { isCatalogImagePath, type OpsMallItemsRemoveImageRequest, type OpsMallItemsUploadImageRequest } from '@cakeday/shared';
import { audited, auditSeqPush, type AuditContext } from '../audit/audited';
import type { PhotoStore } from '../community/photos/photoStore';
import { atVersion, versionOf } from '../db/versioned';
import { conflict } from '../errors/AppError';
import { prepareCatalogImage, storeCatalogImage } from './catalogImages';
import { loadMallItem } from './listMallItemsForOps';
import { MallItemModel, type MallItem } from './MallItem.model';

const MAX_IMAGES = 9;

/**
 * Makes an uploaded photo the item's cover (the first of `images`), replacing an earlier upload; https images ops
 * listed stay behind it. The file is stored first (by its hash: an unreferenced file is harmless, a reference to a
 * missing one is not), then the audited, versioned write points the item to it. Earlier files are kept: orders
 * placed before show the cover they were placed with.
 */
export async function uploadMallItemImage(input: OpsMallItemsUploadImageRequest, audit: AuditContext, store: PhotoStore): Promise<MallItem> {
  const current = await loadMallItem(input.id);
  if (versionOf(current) !== input.version) throw conflict('STALE_VERSION');
  const image = await prepareCatalogImage(Buffer.from(input.imageBase64, 'base64'));
  await storeCatalogImage(store, image);
  const images = [image.path, ...current.images.filter((url) => !isCatalogImagePath(url))].slice(0, MAX_IMAGES);
  return writeImages(current, images, { action: 'ops.mallItems.uploadImage', version: input.version, reason: input.reason }, audit);
}

/** Takes the uploaded photo off the item (the mini-program draws the item's kind again, unless an https image is left). */
export async function removeMallItemImage(input: OpsMallItemsRemoveImageRequest, audit: AuditContext): Promise<MallItem> {
  const current = await loadMallItem(input.id);
  if (versionOf(current) !== input.version) throw conflict('STALE_VERSION');
  const images = current.images.filter((url) => !isCatalogImagePath(url));
  return writeImages(current, images, { action: 'ops.mallItems.removeImage', version: input.version, reason: input.reason }, audit);
}

interface ImageChange {
  action: 'ops.mallItems.uploadImage' | 'ops.mallItems.removeImage';
  version: number;
  reason: string | undefined;
}

async function writeImages(current: MallItem, images: string[], change: ImageChange, audit: AuditContext): Promise<MallItem> {
  if (JSON.stringify(images) === JSON.stringify(current.images)) return current;
  const subject = { type: 'MallItem', id: current._id.toHexString() };
  return audited(audit, { action: change.action, subject, before: { images: current.images }, after: { images }, reason: change.reason }, async (entry) => {
    const written = await MallItemModel.findOneAndUpdate(
      { _id: current._id, version: atVersion(change.version) },
      { $set: { images, updatedAt: audit.now }, $inc: { version: 1 }, $push: auditSeqPush(entry._id) },
      { returnDocument: 'after' },
    ).lean();
    if (!written) throw conflict('STALE_VERSION');
    return written;
  });
}

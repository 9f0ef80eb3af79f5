import { Types } from 'mongoose';
import type { Config } from '../config/config';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { personalDataHolders } from '../privacy/personalDataRegistry';
import { DeletedAccountModel } from './DeletedAccount.model';
import { MemberModel } from './Member.model';
import { keyedHash } from './personalDataCrypto';
import type { PhotoStore } from '../community/photos/photoStore';
import { createGridfsPhotoStore } from '../community/photos/gridfsPhotoStore';

export interface ErasureDeps {
  now: Date;
  config: Pick<Config, 'DATA_HASH_KEY'>;
  /** Where community photos are kept (the app's store; GridFS when not given). */
  photos?: PhotoStore;
}

/**
 * PIPL erasure, idempotent and safe to re-run after a crash at any step: (1) the openid's keyed hash joins the
 * fraud list, (2) every holder in the personal-data registry is erased in order, the member document first
 * (profile, phone, birthday, openid and every session gone), (3) the member is marked erased. A deletion that
 * stopped half way is finished by resumeErasures. What stays is listed in the registry with its reason.
 */
export async function deleteMember(memberId: string, context: ErasureDeps): Promise<void> {
  const id = new Types.ObjectId(memberId);
  const member = await MemberModel.findById(id, { openid: 1, status: 1 }).lean();
  if (!member) return;
  if (member.status === 'active') {
    try {
      await DeletedAccountModel.create({ _id: keyedHash('openid', member.openid, context.config.DATA_HASH_KEY), deletedAt: context.now });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  const openid = member.status === 'active' ? member.openid : null;
  const photos = context.photos ?? createGridfsPhotoStore();
  for (const holder of personalDataHolders) {
    await holder.erase?.({ memberId: id, openid, now: context.now, photos });
  }
  await MemberModel.updateOne({ _id: id, status: 'deleted', erasedAt: null }, { $set: { erasedAt: context.now } });
}

/** The repair path: finishes deletions that stopped before every holder was erased (oldest first). */
export async function resumeErasures(context: ErasureDeps, limit = 50): Promise<number> {
  const unfinished = await MemberModel.find({ status: 'deleted', erasedAt: null }, { _id: 1 }).sort({ deletedAt: 1, _id: 1 }).limit(limit).lean();
  for (const member of unfinished) await deleteMember(member._id.toHexString(), context);
  return unfinished.length;
}

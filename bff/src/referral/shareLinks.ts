import { randomInt } from 'node:crypto';
import {
  buildSharePath,
  buildShareScene,
  SHARE_ID_PREFIX,
  SHARE_LANDING_PAGES,
  type ShareInfo,
  type ShareKind,
} from '@cakeday/shared';
import { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { referralCodeOf } from './referralCodes';
import { ShareLinkModel, type ShareLink } from './ShareLink.model';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** A share older than this gets a fresh id, so the referral window counts from a recent share. */
const SHARE_REFRESH_MS = 24 * 60 * 60 * 1000;

function newShareId(kind: ShareKind): string {
  let id = SHARE_ID_PREFIX[kind];
  for (let index = 0; index < 12; index += 1) id += BASE62[randomInt(BASE62.length)];
  return id;
}

/** The member's latest share of this target, or a new one when there is none from the last day. */
export async function currentShareLink(memberId: string, kind: ShareKind, targetId: string, now: Date): Promise<ShareLink> {
  const latest = await ShareLinkModel.findOne({ memberId: new Types.ObjectId(memberId), kind, targetId }).sort({ createdAt: -1 }).lean();
  if (latest && now.getTime() - latest.createdAt.getTime() < SHARE_REFRESH_MS) return latest;
  for (;;) {
    try {
      const created = await ShareLinkModel.create({ _id: newShareId(kind), memberId: new Types.ObjectId(memberId), kind, targetId, createdAt: now });
      return created.toObject();
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
}

export async function findShareLink(shareId: string, kind: ShareKind): Promise<ShareLink | null> {
  return ShareLinkModel.findOne({ _id: shareId, kind }).lean();
}

export async function presentShareInfo(share: ShareLink, title: string, now: Date): Promise<ShareInfo> {
  const referralCode = await referralCodeOf(share.memberId.toHexString(), now);
  return {
    shareId: share._id,
    referralCode,
    path: buildSharePath(share.kind, share._id, referralCode),
    scene: buildShareScene(share._id, referralCode),
    page: SHARE_LANDING_PAGES[share.kind],
    title,
  };
}

import { toBusinessIso, type CommunityTarget } from '@cakeday/shared';
import { isValidObjectId, Types } from 'mongoose';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { notFound, unprocessable } from '../errors/AppError';
import { BLOCKS_MAX, CommunityBlockModel } from './CommunityBlock.model';
import { loadTarget } from './contentTarget';
import { presentAuthor } from './presentPost';
import { AUTHOR_FIELDS, authorFactsOf } from './viewContext';
import { MemberModel } from '../members/Member.model';

/** community.block: the author of a post or comment the member sees leaves their community (again: the same block). */
export async function blockAuthor(blocker: string, target: CommunityTarget, now: Date): Promise<string> {
  const content = await loadTarget(target, ['published']);
  if (content.authorId.equals(blocker)) throw unprocessable('COMMUNITY_BLOCK_SELF');
  const key = `${blocker}:${content.authorId.toHexString()}`;
  try {
    const created = await CommunityBlockModel.create({ key, blockerId: new Types.ObjectId(blocker), blockedId: content.authorId, createdAt: now });
    return created._id.toHexString();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const existing = await CommunityBlockModel.findOne({ key }, { _id: 1 }).lean();
    if (!existing) throw error;
    return existing._id.toHexString();
  }
}

export async function listBlocks(blocker: string) {
  const blocks = await CommunityBlockModel.find({ blockerId: new Types.ObjectId(blocker) }).sort({ createdAt: -1 }).limit(BLOCKS_MAX).lean();
  const members = await MemberModel.find({ _id: { $in: blocks.map((block) => block.blockedId) } }, AUTHOR_FIELDS).lean();
  const byId = new Map(members.map((member) => [member._id.toHexString(), authorFactsOf(member)]));
  return blocks.map((block) => ({ blockId: block._id.toHexString(), author: presentAuthor(byId.get(block.blockedId.toHexString()), false), blockedAt: toBusinessIso(block.createdAt) }));
}

export async function unblock(blocker: string, blockId: string): Promise<void> {
  if (!isValidObjectId(blockId)) throw notFound();
  const removed = await CommunityBlockModel.deleteOne({ _id: new Types.ObjectId(blockId), blockerId: new Types.ObjectId(blocker) });
  if (removed.deletedCount === 0) throw notFound();
}

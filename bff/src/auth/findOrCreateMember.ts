import type { Config } from '../config/config';
import { isDuplicateKeyError } from '../db/duplicateKey';
import type { Logger } from '../logger';
import { DeletedAccountModel } from '../members/DeletedAccount.model';
import { MemberModel, type Member } from '../members/Member.model';
import { keyedHash } from '../members/personalDataCrypto';
import type { WechatSession } from '../wechat/types';

async function linkUnionid(member: Member, unionid: string | undefined, log: Logger): Promise<void> {
  if (!unionid || member.unionid) return;
  try {
    await MemberModel.updateOne({ _id: member._id, unionid: { $exists: false } }, { $set: { unionid } });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    log.warn({ memberId: member._id.toHexString() }, 'unionid already belongs to another member; not linked');
  }
}

/** One person, one member: by openid first, then by unionid; otherwise a new member. */
export async function findOrCreateMember(
  session: WechatSession,
  context: { config: Pick<Config, 'DATA_HASH_KEY'>; now: Date; log: Logger },
): Promise<{ member: Member; isNew: boolean }> {
  const byOpenid = await MemberModel.findOne({ openid: session.openid }).lean();
  if (byOpenid) {
    await linkUnionid(byOpenid, session.unionid, context.log);
    return { member: byOpenid, isNew: false };
  }
  if (session.unionid) {
    const byUnionid = await MemberModel.findOne({ unionid: session.unionid, status: 'active' }).lean();
    if (byUnionid) return { member: byUnionid, isNew: false };
  }
  const deletedBefore = await DeletedAccountModel.exists({ _id: keyedHash('openid', session.openid, context.config.DATA_HASH_KEY) });
  try {
    const created = await MemberModel.create({
      openid: session.openid,
      ...(session.unionid ? { unionid: session.unionid } : {}),
      status: 'active',
      tokenVersion: 0,
      birthdayHistory: { firstSetAt: null, changedAt: null, corrections: 0, lastBenefitClaimedAt: null },
      tier: { level: 'basic', since: context.now, reviewedAt: null },
      newMemberRewardsEligible: !deletedBefore,
      createdAt: context.now,
      updatedAt: context.now,
    });
    return { member: created.toObject(), isNew: true };
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    // A concurrent first login created it.
    const raced = await MemberModel.findOne({ openid: session.openid }).lean();
    if (!raced) throw error;
    return { member: raced, isNew: false };
  }
}

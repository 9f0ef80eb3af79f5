import { Types } from 'mongoose';
import type { Config } from '../config/config';
import { ConsentModel } from '../consents/Consent.model';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { DeletedAccountModel } from './DeletedAccount.model';
import { MemberModel } from './Member.model';
import { keyedHash } from './personalDataCrypto';

/**
 * PIPL erasure, idempotent and safe to re-run after a crash at any step: (1) the openid's keyed hash joins
 * the fraud list, (2) the member loses profile, phone, birthday, unionid and openid and every session,
 * (3) consent records lose their personal evidence. Ledger, spend and order rows stay for accounting,
 * tied only to the now anonymous member id.
 */
export async function deleteMember(memberId: string, context: { now: Date; config: Pick<Config, 'DATA_HASH_KEY'> }): Promise<void> {
  const member = await MemberModel.findById(memberId, { openid: 1, status: 1 }).lean();
  if (!member) return;
  if (member.status === 'active') {
    try {
      await DeletedAccountModel.create({ _id: keyedHash('openid', member.openid, context.config.DATA_HASH_KEY), deletedAt: context.now });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    await MemberModel.updateOne(
      { _id: member._id, status: 'active' },
      {
        $set: {
          status: 'deleted',
          openid: `deleted:${memberId}`,
          nickname: null,
          avatarUrl: null,
          phone: null,
          birthday: null,
          birthdayHistory: { firstSetAt: null, corrections: 0, lastBenefitClaimedAt: null },
          deletedAt: context.now,
          updatedAt: context.now,
        },
        $unset: { unionid: 1, phoneHash: 1 },
        $inc: { tokenVersion: 1 },
      },
    );
  }
  await ConsentModel.updateMany({ memberId: new Types.ObjectId(memberId) }, { $set: { ip: null } });
}

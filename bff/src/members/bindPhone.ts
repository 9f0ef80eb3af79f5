import { maskPhone } from '@cakeday/shared';
import type { Config } from '../config/config';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { conflict } from '../errors/AppError';
import type { Principal } from '../http/context';
import type { WechatPhone } from '../wechat/types';
import { MemberModel } from './Member.model';
import { loadMember } from './loadMember';
import { encryptPersonalData, keyedHash } from './personalDataCrypto';

/**
 * Exchanges the getPhoneNumber code for the number and stores it encrypted, with a keyed hash whose unique
 * index makes one phone belong to one member (409 PHONE_TAKEN). Only the masked form is returned.
 */
export async function bindPhone(
  principal: Principal,
  code: string,
  context: { phone: WechatPhone; config: Pick<Config, 'DATA_ENCRYPTION_KEY' | 'DATA_HASH_KEY'>; now: Date },
): Promise<{ phoneMasked: string }> {
  await loadMember(principal.memberId);
  const number = await context.phone.getPhoneNumber(code, principal.openid);
  const plain = number.countryCode && number.countryCode !== '86' ? number.phoneNumber : number.purePhoneNumber;
  const phoneHash = keyedHash('phone', plain, context.config.DATA_HASH_KEY);
  const masked = maskPhone(number.purePhoneNumber);
  try {
    await MemberModel.updateOne(
      { _id: principal.memberId, status: 'active' },
      {
        $set: {
          phone: { ciphertext: encryptPersonalData(plain, context.config.DATA_ENCRYPTION_KEY), masked, boundAt: context.now },
          phoneHash,
          updatedAt: context.now,
        },
      },
    );
  } catch (error) {
    if (isDuplicateKeyError(error)) throw conflict('PHONE_TAKEN');
    throw error;
  }
  return { phoneMasked: masked };
}

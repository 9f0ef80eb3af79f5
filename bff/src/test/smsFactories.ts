import { consentTexts } from '@cakeday/shared';
import { ConsentModel } from '../consents/Consent.model';
import { MemberModel, type Member } from '../members/Member.model';
import { encryptPersonalData, keyedHash } from '../members/personalDataCrypto';
import type { Config } from '../config/config';

/** Binds a mainland number to the member as members.bindPhone stores it (encrypted, masked, keyed hash). */
export async function bindTestPhone(member: Pick<Member, '_id'>, phone: string, config: Pick<Config, 'DATA_ENCRYPTION_KEY' | 'DATA_HASH_KEY'>, at = new Date(0)): Promise<void> {
  await MemberModel.updateOne(
    { _id: member._id },
    {
      $set: {
        phone: { ciphertext: encryptPersonalData(phone, config.DATA_ENCRYPTION_KEY), masked: `${phone.slice(0, 3)}****${phone.slice(7)}`, boundAt: at },
        phoneHash: keyedHash('phone', phone, config.DATA_HASH_KEY),
      },
    },
  );
}

/** The members agree to marketing SMS (the current text), as consents.grant records it. */
export async function grantSmsConsent(members: readonly Pick<Member, '_id'>[], at = new Date(0)): Promise<void> {
  const { version } = consentTexts.sms_marketing;
  await ConsentModel.insertMany(members.map((member) => ({ memberId: member._id, purpose: 'sms_marketing', action: 'grant', version, at, ip: null, via: 'app' })));
}

/** A distinct mainland number per index (139 + 8 digits). */
export const testPhone = (index: number): string => `139${String(index).padStart(8, '0')}`;

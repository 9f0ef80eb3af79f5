import { randomInt } from 'node:crypto';
import { REFERRAL_CODE_ALPHABET, REFERRAL_CODE_LENGTH } from '@cakeday/shared';
import { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { ReferralCodeModel } from './ReferralCode.model';

function randomCode(): string {
  let code = '';
  for (let index = 0; index < REFERRAL_CODE_LENGTH; index += 1) code += REFERRAL_CODE_ALPHABET[randomInt(REFERRAL_CODE_ALPHABET.length)];
  return code;
}

/** The member's referral code, created on first use; a collision (1 in 10^12) just draws again. */
export async function referralCodeOf(memberId: string, now: Date): Promise<string> {
  const _id = new Types.ObjectId(memberId);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const existing = await ReferralCodeModel.findById(_id).lean();
    if (existing) return existing.code;
    try {
      await ReferralCodeModel.create({ _id, code: randomCode(), createdAt: now });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  throw new Error('could not allocate a referral code');
}

export async function memberIdForCode(code: string): Promise<string | null> {
  const found = await ReferralCodeModel.findOne({ code }).lean();
  return found ? found._id.toHexString() : null;
}

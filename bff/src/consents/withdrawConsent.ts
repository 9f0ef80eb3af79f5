import type { ConsentPurpose, ConsentStatus } from '@cakeday/shared';
import { Types } from 'mongoose';
import { conflict } from '../errors/AppError';
import { MemberModel } from '../members/Member.model';
import { ConsentModel } from './Consent.model';
import { consentRecords, consentStatus } from './consentState';

/** What withdrawing a purpose stops: without birthday consent the stored birthday is deleted. */
async function eraseDataFor(memberId: string, purpose: ConsentPurpose, now: Date): Promise<void> {
  if (purpose === 'birthday') {
    await MemberModel.updateOne({ _id: memberId }, { $set: { birthday: null, updatedAt: now } });
  }
}

/**
 * Records a withdrawal (409 CONSENT_NOT_GRANTED if the member never agreed). The data is erased before the
 * record is written, so a crash in between is finished by withdrawing again; withdrawing twice is harmless.
 */
export async function withdrawConsent(
  memberId: string,
  purpose: ConsentPurpose,
  context: { now: Date; ip: string | null },
): Promise<ConsentStatus> {
  const [latest] = await consentRecords(memberId, purpose);
  if (!latest) throw conflict('CONSENT_NOT_GRANTED');
  await eraseDataFor(memberId, purpose, context.now);
  if (latest.action === 'grant') {
    await ConsentModel.create({
      memberId: new Types.ObjectId(memberId),
      purpose,
      action: 'withdraw',
      version: latest.version,
      at: context.now,
      ip: context.ip,
    });
  }
  return consentStatus(memberId, purpose);
}

import { currentConsentVersion, type ConsentPurpose, type ConsentStatus } from '@cakeday/shared';
import { Types } from 'mongoose';
import { conflict } from '../errors/AppError';
import { ConsentModel } from './Consent.model';
import { consentRecords, consentStatus } from './consentState';

/** Records a grant of the current text's version; granting the same version again records nothing new. */
export async function grantConsent(
  memberId: string,
  input: { purpose: ConsentPurpose; version: string },
  context: { now: Date; ip: string | null },
): Promise<ConsentStatus> {
  if (input.version !== currentConsentVersion(input.purpose)) throw conflict('CONSENT_VERSION_OUTDATED');
  const [latest] = await consentRecords(memberId, input.purpose);
  if (latest?.action !== 'grant' || latest.version !== input.version) {
    await ConsentModel.create({
      memberId: new Types.ObjectId(memberId),
      purpose: input.purpose,
      action: 'grant',
      version: input.version,
      at: context.now,
      ip: context.ip,
    });
  }
  return consentStatus(memberId, input.purpose);
}

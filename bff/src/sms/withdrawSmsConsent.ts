import type { Types } from 'mongoose';
import { ConsentModel } from '../consents/Consent.model';
import { consentRecords } from '../consents/consentState';

/**
 * The member replied R/TD to an SMS: the SMS consent is withdrawn at once, recorded with the reply as its evidence
 * (via sms_reply, at the reply's time). Nothing is recorded when the member had not consented (or already withdrew).
 */
export async function withdrawSmsConsentByReply(memberId: Types.ObjectId, repliedAt: Date): Promise<boolean> {
  const [latest] = await consentRecords(memberId.toHexString(), 'sms_marketing');
  if (latest?.action !== 'grant') return false;
  // Tencent stamps a reply to the second: one in the same second as the grant it answers would sort before it and
  // leave the member subscribed. It arrived after the grant was recorded, so it is ordered after it.
  const at = repliedAt.getTime() > latest.at.getTime() ? repliedAt : new Date(latest.at.getTime() + 1);
  await ConsentModel.create({ memberId, purpose: 'sms_marketing', action: 'withdraw', version: latest.version, at, ip: null, via: 'sms_reply' });
  return true;
}

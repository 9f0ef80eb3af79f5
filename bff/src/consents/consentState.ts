import { CONSENT_PURPOSES, consentTexts, toBusinessIso, type ConsentPurpose, type ConsentStatus } from '@cakeday/shared';
import { Types } from 'mongoose';
import { ConsentModel, type ConsentRecordDoc } from './Consent.model';

/** The member's records, newest first (ties broken by insertion order). */
export async function consentRecords(memberId: string, purpose?: ConsentPurpose): Promise<ConsentRecordDoc[]> {
  return ConsentModel.find({ memberId: new Types.ObjectId(memberId), ...(purpose ? { purpose } : {}) })
    .sort({ at: -1, _id: -1 })
    .lean();
}

export function presentConsentStatus(purpose: ConsentPurpose, latest: ConsentRecordDoc | undefined): ConsentStatus {
  const text = consentTexts[purpose];
  const granted = latest?.action === 'grant';
  return {
    purpose,
    title: text.title,
    text: text.text,
    currentVersion: text.version,
    granted,
    grantedVersion: granted ? latest.version : null,
    grantedAt: granted ? toBusinessIso(latest.at) : null,
    needsRenewal: granted && latest.version !== text.version,
    withdrawnAt: latest?.action === 'withdraw' ? toBusinessIso(latest.at) : null,
    withdrawnVia: latest?.action === 'withdraw' ? (latest.via ?? 'app') : null,
  };
}

export async function consentStatus(memberId: string, purpose: ConsentPurpose): Promise<ConsentStatus> {
  const [latest] = await consentRecords(memberId, purpose);
  return presentConsentStatus(purpose, latest);
}

export async function consentStatuses(memberId: string): Promise<{ statuses: ConsentStatus[]; records: ConsentRecordDoc[] }> {
  const records = await consentRecords(memberId);
  const statuses = CONSENT_PURPOSES.map((purpose) => presentConsentStatus(purpose, records.find((record) => record.purpose === purpose)));
  return { statuses, records };
}

/** Whether the member currently agrees to the purpose (any version; callers needing the current text check `needsRenewal`). */
export async function hasConsent(memberId: string, purpose: ConsentPurpose): Promise<boolean> {
  return (await consentStatus(memberId, purpose)).granted;
}

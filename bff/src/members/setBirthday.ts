import { birthdayLock, consentTexts, decideBirthdayChange, type Birthday, type BirthdayChangeRefusal, type BirthdayCorrectionRules } from '@cakeday/shared';
import type { ErrorCode } from '@cakeday/shared';
import { grantConsent } from '../consents/grantConsent';
import { conflict, forbidden } from '../errors/AppError';
import { birthdayHistoryOf } from './birthdayHistory';
import { MemberModel, type Member } from './Member.model';
import { loadMember } from './loadMember';
import { storeBirthday } from './storedBirthday';

const refusalCodes: Record<BirthdayChangeRefusal, ErrorCode> = {
  LOCKED: 'BIRTHDAY_LOCKED',
  TOO_CLOSE_TO_BIRTHDAY: 'BIRTHDAY_TOO_CLOSE',
  BENEFIT_CLAIMED: 'BIRTHDAY_BENEFIT_CLAIMED',
};

/**
 * Sets the birthday with the consent the member gave on the same page (recorded first, append-only), within the
 * correction rules of the settings in force (`birthdayRules`: how often, how long after first setting, how close
 * to a birthday). The write is conditional on the history read, so two racing changes cannot both use a correction.
 */
export async function setBirthday(
  memberId: string,
  input: Birthday & { consentVersion: string },
  context: { now: Date; ip: string | null; dataKey: string; birthdayRules: BirthdayCorrectionRules },
): Promise<{ member: Member; lock: ReturnType<typeof birthdayLock> }> {
  if (input.consentVersion !== consentTexts.birthday.version) throw forbidden('CONSENT_REQUIRED');
  const member = await loadMember(memberId);
  const history = birthdayHistoryOf(member, context.dataKey);
  const next = { month: input.month, day: input.day, year: input.year ?? null };
  const decision = decideBirthdayChange(history, next, context.now, context.birthdayRules);
  if (!decision.allowed) throw conflict(refusalCodes[decision.reason]);
  await grantConsent(memberId, { purpose: 'birthday', version: input.consentVersion }, context);
  if (decision.kind !== 'unchanged') {
    const written = await MemberModel.updateOne(
      { _id: member._id, status: 'active', 'birthdayHistory.corrections': history.corrections, 'birthdayHistory.firstSetAt': history.firstSetAt },
      {
        $set: {
          birthday: storeBirthday(next, context.dataKey),
          'birthdayHistory.firstSetAt': history.firstSetAt ?? context.now,
          'birthdayHistory.changedAt': context.now,
          'birthdayHistory.corrections': history.corrections + (decision.kind === 'correction' ? 1 : 0),
          updatedAt: context.now,
        },
      },
    );
    if (written.modifiedCount !== 1) throw conflict();
  }
  const updated = await loadMember(memberId);
  return { member: updated, lock: birthdayLock(birthdayHistoryOf(updated, context.dataKey), context.now, context.birthdayRules) };
}

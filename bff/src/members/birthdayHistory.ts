import type { BirthdayHistory, BirthdayUnlockRule, ProgramSettings } from '@cakeday/shared';
import type { Member } from './Member.model';
import { readBirthday } from './storedBirthday';

export function birthdayHistoryOf(member: Pick<Member, 'birthday' | 'birthdayHistory'>, dataKey: string): BirthdayHistory {
  return {
    current: readBirthday(member.birthday, dataKey),
    firstSetAt: member.birthdayHistory?.firstSetAt ?? null,
    corrections: member.birthdayHistory?.corrections ?? 0,
    lastBenefitClaimedAt: member.birthdayHistory?.lastBenefitClaimedAt ?? null,
  };
}

/** The member's side of the minDaysSetBeforeBenefits rule: when the birthday was last set, against the settings' days. */
export function birthdayUnlockOf(member: Pick<Member, 'birthdayHistory'>, settings: ProgramSettings): BirthdayUnlockRule {
  const history = member.birthdayHistory;
  return { birthdaySetAt: history?.changedAt ?? history?.firstSetAt ?? null, minDays: settings.birthday.minDaysSetBeforeBenefits };
}

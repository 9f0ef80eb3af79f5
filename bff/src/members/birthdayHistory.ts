import type { BirthdayHistory } from '@cakeday/shared';
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

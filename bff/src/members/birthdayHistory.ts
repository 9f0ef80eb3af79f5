import type { BirthdayHistory } from '@cakeday/shared';
import type { Member } from './Member.model';

export function birthdayHistoryOf(member: Pick<Member, 'birthday' | 'birthdayHistory'>): BirthdayHistory {
  return {
    current: member.birthday,
    firstSetAt: member.birthdayHistory?.firstSetAt ?? null,
    corrections: member.birthdayHistory?.corrections ?? 0,
    lastBenefitClaimedAt: member.birthdayHistory?.lastBenefitClaimedAt ?? null,
  };
}

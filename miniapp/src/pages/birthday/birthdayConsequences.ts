import { daysUntilBirthday, type Birthday } from '@cakeday/shared';
import { type Member } from '../../hooks/useMember';
import { type SettingsRules } from '../../hooks/useSettingsRules';

export interface BirthdayConsequences {
  title: string;
  lines: string[];
}

/**
 * What saving this birthday means, in plain words, before the member confirms: how many corrections are left
 * afterwards, what becomes of benefits, and whether this year's birthday still counts (the settings in force;
 * the BFF enforces the same rules).
 */
export function birthdayConsequences(member: Member, choice: Birthday, rules: SettingsRules['birthday'], now: Date): BirthdayConsequences {
  const { correction, minDaysSetBeforeBenefits } = rules;
  const tooLate = minDaysSetBeforeBenefits > 0 && daysUntilBirthday(choice, now) < minDaysSetBeforeBenefits;
  const lateLine = tooLate ? [`这个生日距今不足${minDaysSetBeforeBenefits}天，今年的生日礼遇将从下一个生日起享受。`] : [];
  const current = member.birthday;
  if (current && current.month === choice.month && current.day === choice.day && (current.year ?? null) === (choice.year ?? null)) {
    return { title: '确认保存', lines: ['生日没有变化，不占用修改次数。'] };
  }
  if (current === null) {
    const correctable = correction.maxCorrections > 0 && correction.windowDays > 0;
    return {
      title: '确认设置生日',
      lines: [
        correctable ? `设置后${correction.windowDays}天内可以修改${correction.maxCorrections}次，之后生日锁定。` : '设置后不能自行修改，请确认日期无误。',
        ...lateLine,
      ],
    };
  }
  const left = member.birthdayLock.correctionsLeft - 1;
  return {
    title: '确认修改生日',
    lines: [
      left > 0 ? `这次修改后，你还可以再修改${left}次。` : '这是最后一次修改机会，修改后生日锁定，不能再改。',
      '已领取的生日礼不会收回；本生日年领取过生日礼后就不能再修改。',
      ...lateLine,
    ],
  };
}

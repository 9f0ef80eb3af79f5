import { daysUntilBirthday, isBirthdayMonth, type Birthday } from '@cakeday/shared';

export interface BirthdayCountdown {
  headline: string;
  detail: string;
}

/** What the birthday card says: the day itself, the birthday month, or the days still to wait. */
export function birthdayCountdown(birthday: Birthday, now: Date): BirthdayCountdown {
  const days = daysUntilBirthday(birthday, now);
  if (days === 0) return { headline: '生日快乐！', detail: '今天是你的生日，生日礼已为你准备好' };
  if (isBirthdayMonth(birthday, now)) {
    // Later in the month the birthday has passed and the countdown would name next year's.
    const headline = days <= 31 ? `距离生日还有 ${days} 天` : '生日月快乐！';
    return { headline, detail: '本月是你的生日月，消费积分加倍' };
  }
  return { headline: `距离生日还有 ${days} 天`, detail: '生日月可领取生日礼，消费积分加倍' };
}

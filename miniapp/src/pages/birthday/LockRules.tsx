import { Text, View } from '@tarojs/components';
import { BIRTHDAY_BLACKOUT_DAYS, BIRTHDAY_CORRECTION_WINDOW_DAYS } from '@cakeday/shared';
import { type Member } from '../../hooks/useMember';
import { formatBusinessDate } from '../../format/dates';

interface LockRulesProps {
  lock: Member['birthdayLock'];
}

function lockStatus(lock: Member['birthdayLock']): string {
  if (lock.state === 'locked') return '你的生日已锁定，如需修改请联系客服。';
  if (lock.state === 'correctable' && lock.correctableUntil) {
    return `你还可以在 ${formatBusinessDate(lock.correctableUntil)} 前修改一次。`;
  }
  return '你还没有设置生日。';
}

/** The anti-abuse rules in plain words, and where this member stands. */
export function LockRules({ lock }: LockRulesProps): JSX.Element {
  return (
    <View className='birthday__card'>
      <Text className='birthday__card-title'>修改规则</Text>
      <Text className='birthday__rule'>· 生日设置后 {BIRTHDAY_CORRECTION_WINDOW_DAYS} 天内可以修改一次，之后不能再改。</Text>
      <Text className='birthday__rule'>· 生日前 {BIRTHDAY_BLACKOUT_DAYS} 天内不能修改，也不能改到 {BIRTHDAY_BLACKOUT_DAYS} 天内的日期。</Text>
      <Text className='birthday__rule'>· 本年度已领取生日礼后不能修改。</Text>
      <Text className={`birthday__status birthday__status--${lock.state}`}>{lockStatus(lock)}</Text>
    </View>
  );
}

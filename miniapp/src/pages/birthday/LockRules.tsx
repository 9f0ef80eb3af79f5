import { Text, View } from '@tarojs/components';
import { type Member } from '../../hooks/useMember';
import { type SettingsRules } from '../../hooks/useSettingsRules';
import { formatBusinessDate } from '../../format/dates';

interface LockRulesProps {
  lock: Member['birthdayLock'];
  rules: SettingsRules['birthday'];
}

function lockStatus(lock: Member['birthdayLock']): string {
  if (lock.state === 'locked') return '你的生日已锁定，如需修改请联系客服。';
  if (lock.state === 'correctable' && lock.correctableUntil) {
    return `你还可以在 ${formatBusinessDate(lock.correctableUntil)} 前修改 ${lock.correctionsLeft} 次。`;
  }
  return '你还没有设置生日。';
}

/** The correction rules of the settings in force, in plain words, and where this member stands. */
export function LockRules({ lock, rules }: LockRulesProps): JSX.Element {
  return (
    <View className='birthday__card'>
      <Text className='birthday__card-title'>修改规则</Text>
      {rules.correction.rules.map((rule) => (
        <Text key={rule} className='birthday__rule'>
          · {rule}。
        </Text>
      ))}
      <Text className='birthday__rule'>· {rules.rule}。</Text>
      <Text className={`birthday__status birthday__status--${lock.state}`}>{lockStatus(lock)}</Text>
    </View>
  );
}

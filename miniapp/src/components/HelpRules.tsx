import { Text, View } from '@tarojs/components';
import './HelpRules.scss';

/** The full rules, disclosed before anyone helps: a fixed goal, no draw, no forced sharing. */
export function HelpRules({ rules }: { rules: readonly string[] }): JSX.Element {
  return (
    <View className='help-rules'>
      <Text className='help-rules__title'>活动规则</Text>
      {rules.map((rule) => (
        <Text key={rule} className='help-rules__rule'>
          · {rule}
        </Text>
      ))}
    </View>
  );
}

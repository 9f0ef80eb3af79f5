import { Text, View } from '@tarojs/components';
import { type LegalText } from '@cakeday/shared';
import { RulesSection } from './RulesSection';

/** 会员协议 / 隐私政策 in full, with the version the member reads. */
export function LegalTextView({ text }: { text: LegalText }): JSX.Element {
  return (
    <View className='legal'>
      <View className='legal__title' role='heading' aria-level={1}>
        {text.title}
      </View>
      {text.sections.map((section) => (
        <RulesSection key={section.heading} title={section.heading}>
          <Text className='rules-section__line'>{section.body}</Text>
        </RulesSection>
      ))}
      <Text className='legal__version'>版本：{text.version}</Text>
    </View>
  );
}

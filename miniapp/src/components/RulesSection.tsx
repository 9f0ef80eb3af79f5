import { Text, View } from '@tarojs/components';
import { type ReactNode } from 'react';
import './RulesSection.scss';

/** One titled block of the rules pages: a list of sentences, or any content. */
export function RulesSection({ title, lines, children }: { title: string; lines?: readonly string[]; children?: ReactNode }): JSX.Element {
  return (
    <View className='rules-section' role='region' aria-label={title}>
      <View className='rules-section__title' role='heading' aria-level={2}>
        {title}
      </View>
      {lines?.map((line) => (
        <Text key={line} className='rules-section__line'>
          {line}
        </Text>
      ))}
      {children}
    </View>
  );
}

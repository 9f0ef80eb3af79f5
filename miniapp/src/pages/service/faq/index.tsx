import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ContactButton } from '../../../components/ContactButton';
import { RulesSection } from '../../../components/RulesSection';
import { FAQS } from './faqs';
import '../index.scss';

/** 常见问题, in both builds; the weapp adds WeChat's customer service at the end. */
export function FaqPage(): JSX.Element {
  return (
    <View className='legal'>
      {FAQS.map((faq) => (
        <RulesSection key={faq.question} title={faq.question}>
          <Text className='rules-section__line'>{faq.answer}</Text>
          {faq.link ? (
            <View className='legal__link' role='link' onClick={() => void Taro.navigateTo({ url: faq.link?.url ?? '/pages/home/index' })}>
              {faq.link.text} ›
            </View>
          ) : null}
        </RulesSection>
      ))}
      <View className='legal__contact'>
        <ContactButton />
      </View>
    </View>
  );
}

export default FaqPage;

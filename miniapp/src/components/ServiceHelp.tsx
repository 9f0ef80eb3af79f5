import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ContactButton } from './ContactButton';
import './ServiceHelp.scss';

/**
 * Help where a question arises (an order, a coupon): WeChat's customer service in the weapp; in both builds the
 * FAQ and the stores' phones (the browser's only way, since it has no customer-service inbox).
 */
export function ServiceHelp(): JSX.Element {
  return (
    <View className='service-help'>
      <Text className='service-help__title'>遇到问题？</Text>
      <ContactButton compact />
      <View className='service-help__links'>
        <Text className='service-help__link' onClick={() => void Taro.navigateTo({ url: '/pages/service/faq/index' })}>
          常见问题 ›
        </Text>
        <Text className='service-help__link' onClick={() => void Taro.navigateTo({ url: '/pages/stores/index' })}>
          门店电话 ›
        </Text>
      </View>
    </View>
  );
}

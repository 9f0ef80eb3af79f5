import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import './JoinTerms.scss';

function open(url: string): void {
  void Taro.navigateTo({ url });
}

/** Shown beside every button that makes someone a member: the agreement and the policy, one tap away. */
export function JoinTerms({ action }: { action: string }): JSX.Element {
  return (
    <View className='join-terms'>
      <Text>{action}即表示你已阅读并同意</Text>
      <View className='join-terms__link' role='link' onClick={() => open('/pages/service/agreement/index')}>
        《会员协议》
      </View>
      <Text>和</Text>
      <View className='join-terms__link' role='link' onClick={() => open('/pages/service/privacy-policy/index')}>
        《隐私政策》
      </View>
    </View>
  );
}

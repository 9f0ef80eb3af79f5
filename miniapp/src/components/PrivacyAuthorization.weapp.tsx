import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Popup } from '@nutui/nutui-react-taro';
import './PrivacyAuthorization.scss';

type Resolve = Parameters<Taro.onNeedPrivacyAuthorization.Listener>[0];

const AGREE_BUTTON_ID = 'cakeday-privacy-agree';

/** WeChat holds the phone request until the member agrees to the privacy notice shown here. */
export function PrivacyAuthorization(): JSX.Element | null {
  const [visible, setVisible] = useState(false);
  const pending = useRef<Resolve | null>(null);

  useEffect(() => {
    Taro.onNeedPrivacyAuthorization((resolve) => {
      pending.current = resolve;
      resolve({ event: 'exposureAuthorization' });
      setVisible(true);
    });
  }, []);

  const answer = (agreed: boolean): void => {
    pending.current?.(agreed ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' });
    pending.current = null;
    setVisible(false);
  };

  return (
    <Popup visible={visible} position='bottom' round closeOnOverlayClick={false}>
      <View className='privacy-authorization'>
        <Text className='privacy-authorization__title'>隐私保护提示</Text>
        <Text className='privacy-authorization__text'>
          绑定手机号前，请阅读《Cakeday 小程序隐私保护指引》。我们仅将手机号用于会员身份识别与订单通知，不会向第三方提供。
        </Text>
        <Text className='privacy-authorization__link' onClick={() => void Taro.openPrivacyContract({})}>
          查看《隐私保护指引》
        </Text>
        <View className='privacy-authorization__actions'>
          <Button onClick={() => answer(false)}>拒绝</Button>
          <Button
            id={AGREE_BUTTON_ID}
            type='primary'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={() => answer(true)}
          >
            同意
          </Button>
        </View>
      </View>
    </Popup>
  );
}

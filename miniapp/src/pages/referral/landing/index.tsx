import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { HelpRules } from '../../../components/HelpRules';
import { useJoinFromInvite } from '../../../hooks/useReferral';
import { useSettingsRules } from '../../../hooks/useSettingsRules';
import { useShareArrival } from '../../../hooks/useShareArrival';
import '../index.scss';

/** Where an invite lands: a friend who is not yet a member sees what they get, and joins with one tap. */
export function ReferralLandingPage(): JSX.Element {
  useShareArrival();
  const join = useJoinFromInvite();
  // The rules in force come from the BFF (program settings), not from constants in the bundle.
  const rules = useSettingsRules();
  return (
    <View className='referral'>
      <View className='referral__welcome'>
        <Text className='referral__welcome-emoji'>🎂</Text>
        <Text className='referral__welcome-title'>好友邀请你加入 Cakeday</Text>
        <Text className='referral__welcome-text'>
          成为会员即得首单8折券，设置生日还能领取专属生日礼、和好友一起过生日。
        </Text>
      </View>
      <View className='referral__join'>
        <Button block type='primary' size='large' loading={join.pending} onClick={() => void join.run()}>
          微信一键加入
        </Button>
      </View>
      {rules.data ? <HelpRules rules={rules.data.referral.rules} /> : null}
    </View>
  );
}

export default ReferralLandingPage;

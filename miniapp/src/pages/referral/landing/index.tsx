import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Avatar } from '../../../components/Avatar';
import { HelpRules } from '../../../components/HelpRules';
import { JoinTerms } from '../../../components/JoinTerms';
import { useInvite, type Invite } from '../../../hooks/useInvite';
import { useJoinFromInvite } from '../../../hooks/useReferral';
import { useSettingsRules } from '../../../hooks/useSettingsRules';
import { useShareArrival } from '../../../hooks/useShareArrival';
import '../index.scss';

function welcomeText(invite: Invite | null): string {
  const welcome = invite?.welcome;
  const gift = welcome ? `加入即得「${welcome.title}」${welcome.description ? `（${welcome.description}）` : ''}，${welcome.validDays} 天内有效。` : '';
  return `${gift}设置生日还能领取专属生日礼、和好友一起过生日。`;
}

/** Where an invite lands: who invites, what the newcomer gets (not the inviter's reward), and joining in one tap. */
export function ReferralLandingPage(): JSX.Element {
  const arrival = useShareArrival();
  const invite = useInvite(arrival?.referralCode ?? null);
  const join = useJoinFromInvite();
  // The rules in force come from the BFF (program settings), not from constants in the bundle.
  const rules = useSettingsRules();
  const inviter = invite.data?.inviter ?? null;
  return (
    <View className='referral'>
      <View className='referral__welcome'>
        {inviter ? <Avatar person={inviter} size='large' /> : <Text className='referral__welcome-emoji'>🎂</Text>}
        <Text className='referral__welcome-title'>{inviter ? `${inviter.nickname} 邀请你加入 Cakeday` : '好友邀请你加入 Cakeday'}</Text>
        <Text className='referral__welcome-text'>{welcomeText(invite.data)}</Text>
      </View>
      <View className='referral__join'>
        <Button block type='primary' size='large' loading={join.pending} onClick={() => void join.run()}>
          微信一键加入
        </Button>
        <JoinTerms action='加入' />
      </View>
      {rules.data ? <HelpRules rules={rules.data.referral.rules} /> : null}
    </View>
  );
}

export default ReferralLandingPage;

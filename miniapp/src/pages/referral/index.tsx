import { useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Avatar } from '../../components/Avatar';
import { CardSkeleton } from '../../components/CardSkeleton';
import { HelpRules } from '../../components/HelpRules';
import { PosterPopup } from '../../components/PosterPopup';
import { RemoteView } from '../../components/RemoteView';
import { ShareButton } from '../../components/ShareButton';
import { ShareProfilePrompt } from '../../components/ShareProfilePrompt';
import { formatBusinessDate } from '../../format/dates';
import { useReferral, type ReferralMine, type ReferralState } from '../../hooks/useReferral';
import './index.scss';

function Invite({ mine, state }: { mine: ReferralMine; state: ReferralState }): JSX.Element {
  return (
    <>
      <ShareProfilePrompt />
      <View className='referral__hero'>
        <Text className='referral__hero-title'>邀请好友加入 Cakeday</Text>
        <Text className='referral__hero-text'>好友得首单优惠券，你得好友首单积分奖励（见下方规则）</Text>
        <Text className='referral__code-label'>我的邀请码</Text>
        <Text className='referral__code' onClick={() => void state.copyCode.run()}>
          {mine.code}
        </Text>
        <View className='referral__actions'>
          <ShareButton path={mine.invite.path} text='邀请微信好友' />
          <Button block fill='outline' loading={state.poster.open.pending} onClick={() => void state.poster.open.run()}>
            生成邀请海报
          </Button>
        </View>
      </View>

      <View className='referral__card referral__stats'>
        <View className='referral__stat'>
          <Text className='referral__stat-value'>{mine.stats.invited}</Text>
          <Text className='referral__stat-label'>已邀请</Text>
        </View>
        <View className='referral__stat'>
          <Text className='referral__stat-value'>{mine.stats.rewarded}</Text>
          <Text className='referral__stat-label'>已下单</Text>
        </View>
        <View className='referral__stat'>
          <Text className='referral__stat-value'>{mine.stats.pointsEarned}</Text>
          <Text className='referral__stat-label'>获得积分</Text>
        </View>
      </View>

      <View className='referral__card'>
        <Text className='referral__card-title'>邀请记录</Text>
        {mine.invitees.length === 0 ? (
          <Text className='referral__empty'>还没有好友通过你的邀请加入</Text>
        ) : (
          mine.invitees.map((invitee) => (
            <View key={`${invitee.nickname}-${invitee.joinedAt}`} className='referral__invitee'>
              <Avatar person={invitee} size='small' />
              <View className='referral__invitee-body'>
                <Text>{invitee.nickname}</Text>
                <Text className='referral__invitee-date'>{formatBusinessDate(invitee.joinedAt)} 加入</Text>
              </View>
              <Text className='referral__invitee-state'>
                {invitee.stateText}
                {invitee.points !== 0 ? ` ${invitee.points > 0 ? '+' : ''}${invitee.points}` : ''}
              </Text>
            </View>
          ))
        )}
      </View>

      <HelpRules rules={mine.rules} />

      <PosterPopup
        poster={state.poster.poster}
        caption='微信扫码，一起过 Cakeday 生日'
        saving={state.poster.save.pending}
        onSave={() => void state.poster.save.run()}
        onClose={state.poster.close}
      />
    </>
  );
}

export function ReferralPage(): JSX.Element {
  const state = useReferral();
  useShareAppMessage(() => {
    const invite = state.data?.invite;
    return invite ? { title: invite.title, path: invite.path } : { title: 'Cakeday 生日会员', path: '/pages/home/index' };
  });
  return (
    <View className='referral'>
      <RemoteView remote={state} skeleton={<CardSkeleton cards={3} />}>
        {(mine) => <Invite mine={mine} state={state} />}
      </RemoteView>
    </View>
  );
}

export default ReferralPage;

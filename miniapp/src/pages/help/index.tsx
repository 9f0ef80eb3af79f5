import Taro, { useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { CardSkeleton } from '../../components/CardSkeleton';
import { HelpProgress } from '../../components/HelpProgress';
import { HelpRules } from '../../components/HelpRules';
import { PosterPopup } from '../../components/PosterPopup';
import { RemoteView } from '../../components/RemoteView';
import { ShareButton } from '../../components/ShareButton';
import { ShareProfilePrompt } from '../../components/ShareProfilePrompt';
import { formatBusinessDateTime } from '../../format/dates';
import { useMyHelp, type HelpMine, type MyHelpState } from '../../hooks/useHelp';
import { useSubscriptions, type Subscriptions } from '../../hooks/useSubscriptions';
import { startBlockerText } from './helpTexts';
import './index.scss';

function MyHelp({ mine, state, subscriptions }: { mine: HelpMine; state: MyHelpState; subscriptions: Subscriptions }): JSX.Element {
  const { campaign } = mine;
  return (
    <>
      <View className='help__gift'>
        <Text className='help__gift-emoji'>🎁</Text>
        <Text className='help__gift-title'>{mine.gift.title}</Text>
        <Text className='help__gift-description'>{mine.gift.description}</Text>
        <Text className='help__gift-goal'>集满 {mine.goal} 位好友助力即可解锁</Text>
      </View>

      {campaign?.state === 'active' && mine.share ? <ShareProfilePrompt /> : null}
      {campaign ? (
        <View className='help__card'>
          <HelpProgress campaign={campaign} />
          {campaign.state === 'unlocked' ? (
            <Button block type='primary' className='help__action' onClick={() => void Taro.navigateTo({ url: '/pages/coupons/index' })}>
              礼物已解锁，去“我的券”查看
            </Button>
          ) : campaign.state === 'active' && mine.share ? (
            <View className='help__share'>
              <ShareButton path={mine.share.path} text='邀请好友助力' />
              <Button block fill='outline' loading={state.poster.open.pending} onClick={() => void state.poster.open.run()}>
                生成海报
              </Button>
              <Text className='help__expires'>活动将于 {formatBusinessDateTime(campaign.expiresAt)} 结束</Text>
            </View>
          ) : null}
        </View>
      ) : (
        <View className='help__card'>
          <Text className='help__explain'>
            {mine.window ? `本次可发起时间：${mine.window.firstDay} 至 ${mine.window.lastDay}` : '设置生日后即可在生日前后发起助力'}
          </Text>
          {!mine.canStart && mine.startBlocker === 'no_birthday' ? (
            // Not a disabled button: the way on is setting the birthday.
            <Button block type='primary' className='help__action' onClick={() => void Taro.navigateTo({ url: '/pages/birthday/index' })}>
              先设置生日，再发起助力
            </Button>
          ) : (
            <Button
              block
              type='primary'
              className='help__action'
              disabled={!mine.canStart}
              loading={state.start.pending || subscriptions.ask.pending}
              // The popup must open from this tap (WeChat's rule); whatever the member answers, the campaign starts.
              onClick={() => void subscriptions.ask.run(['helpSucceeded'], 'help_started').then(() => state.start.run())}
            >
              {mine.canStart || !mine.startBlocker ? '发起生日助力' : startBlockerText(mine.startBlocker, mine)}
            </Button>
          )}
        </View>
      )}

      <HelpRules rules={mine.rules} />

      <PosterPopup
        poster={state.poster.poster}
        caption='微信扫码，为我的生日助力'
        saving={state.poster.save.pending}
        onSave={() => void state.poster.save.run()}
        onClose={state.poster.close}
      />
    </>
  );
}

export function HelpPage(): JSX.Element {
  const state = useMyHelp();
  const subscriptions = useSubscriptions();
  useShareAppMessage(() => {
    const share = state.data?.share;
    return share ? { title: share.title, path: share.path } : { title: 'Cakeday 生日会员', path: '/pages/home/index' };
  });
  return (
    <View className='help'>
      <RemoteView remote={state} skeleton={<CardSkeleton cards={3} />}>
        {(mine) => <MyHelp mine={mine} state={state} subscriptions={subscriptions} />}
      </RemoteView>
    </View>
  );
}

export default HelpPage;

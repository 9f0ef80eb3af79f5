import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Avatar } from '../../../components/Avatar';
import { CardSkeleton } from '../../../components/CardSkeleton';
import { HelpProgress } from '../../../components/HelpProgress';
import { HelpRules } from '../../../components/HelpRules';
import { RemoteView } from '../../../components/RemoteView';
import { ShareGoneView } from '../../../components/StateViews';
import { formatBirthday } from '../../../format/dates';
import { useHelpCard, type HelpCard, type HelpCardState } from '../../../hooks/useHelp';
import { useShareArrival } from '../../../hooks/useShareArrival';
import { assistButton } from '../helpTexts';
import '../index.scss';

function Card({ card, state }: { card: HelpCard; state: HelpCardState }): JSX.Element {
  const { campaign, viewer } = card;
  const button = assistButton(viewer);
  return (
    <>
      <View className='help__gift'>
        <View className='help__owner'>
          <Avatar person={campaign.owner} size='large' />
          <Text className='help__owner-name'>
            {campaign.owner.nickname} 的生日（{formatBirthday(campaign.birthday)}）
          </Text>
        </View>
        <Text className='help__gift-description'>帮TA解锁生日礼物</Text>
        <Text className='help__gift-title'>{campaign.gift.title}</Text>
        <Text className='help__gift-goal'>集满 {campaign.goal} 位好友助力即可解锁，人数固定、无抽奖</Text>
      </View>
      <View className='help__card'>
        <HelpProgress campaign={campaign} />
        <Button
          block
          type='primary'
          className='help__action'
          disabled={!button.enabled}
          loading={state.assist.pending}
          onClick={() => void state.assist.run()}
        >
          {button.text}
        </Button>
        {viewer.isOwner ? null : (
          <Button block fill='none' className='help__action' onClick={() => void Taro.switchTab({ url: '/pages/home/index' })}>
            我也要过 Cakeday 生日
          </Button>
        )}
      </View>
      <HelpRules rules={campaign.rules} />
    </>
  );
}

export function HelpCardPage(): JSX.Element {
  const arrival = useShareArrival();
  const state = useHelpCard(arrival?.shareId ?? null);
  return (
    <View className='help'>
      <RemoteView remote={state} notFound={<ShareGoneView />} skeleton={<CardSkeleton cards={3} />}>
        {(card) => <Card card={card} state={state} />}
      </RemoteView>
    </View>
  );
}

export default HelpCardPage;

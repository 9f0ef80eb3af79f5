import { Text, View } from '@tarojs/components';
import { Progress } from '@nutui/nutui-react-taro';
import { type HelpCampaign } from '../hooks/useHelp';
import { Avatar } from './Avatar';
import './HelpProgress.scss';

/** How many friends have helped out of the goal, with their avatars in the order they came. */
export function HelpProgress({ campaign }: { campaign: HelpCampaign }): JSX.Element {
  const percent = campaign.goal > 0 ? Math.min(100, Math.round((campaign.helpersCount / campaign.goal) * 100)) : 100;
  const emptySeats = Math.max(0, campaign.goal - campaign.helpers.length);
  return (
    <View className='help-progress'>
      <View className='help-progress__header'>
        <Text className='help-progress__count'>
          已有 {campaign.helpersCount}/{campaign.goal} 位好友助力
        </Text>
        <Text className={`help-progress__state help-progress__state--${campaign.state}`}>{campaign.stateText}</Text>
      </View>
      <Progress percent={percent} color='#c8343f' background='#f1e6de' strokeWidth='8' />
      <View className='help-progress__helpers'>
        {campaign.helpers.map((helper) => (
          <Avatar key={`${helper.nickname}-${helper.helpedAt}`} person={helper} size='small' />
        ))}
        {Array.from({ length: emptySeats }, (_, index) => (
          <View key={`seat-${index}`} className='help-progress__seat'>
            <Text>?</Text>
          </View>
        ))}
      </View>
      {campaign.state === 'active' && campaign.remaining > 0 ? (
        <Text className='help-progress__remaining'>还差 {campaign.remaining} 位好友即可解锁</Text>
      ) : null}
    </View>
  );
}

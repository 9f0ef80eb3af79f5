import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { BIRTHDAY_SHOW_TOPIC_CODE } from '@cakeday/shared';
import { BirthdayBenefits } from '../../components/BirthdayBenefits';
import { BirthdayCard } from '../../components/BirthdayCard';
import { CardSkeleton } from '../../components/CardSkeleton';
import { HomeShortcuts } from '../../components/HomeShortcuts';
import { PointsCard } from '../../components/PointsCard';
import { RemoteView } from '../../components/RemoteView';
import { TierCard } from '../../components/TierCard';
import { greeting } from '../../format/greeting';
import { useBirthdayBenefits } from '../../hooks/useBirthdayBenefits';
import { useMember } from '../../hooks/useMember';
import { useMessageOpened } from '../../hooks/useMessageOpened';
import './index.scss';

export function HomePage(): JSX.Element {
  useMessageOpened();
  const member = useMember();
  // Loaded beside the member (not inside the card) so that it reloads each time the page shows.
  const benefits = useBirthdayBenefits();
  usePullDownRefresh(() => {
    void Promise.all([member.reload(), benefits.reload()]).finally(() => Taro.stopPullDownRefresh());
  });
  const now = new Date();

  return (
    <View className='home'>
      <RemoteView remote={member} skeleton={<CardSkeleton cards={3} />}>
        {(me) => (
          <>
            <View className='home__greeting'>
              <Text className='home__hello'>
                {me.nickname ? `${greeting(now)}，${me.nickname}` : `${greeting(now)}，欢迎回来`}
              </Text>
              <Text className='home__coupons'>可用优惠券 {me.coupons.available} 张</Text>
            </View>
            <BirthdayCard
              birthday={me.birthday}
              now={now}
              onSetBirthday={() => void Taro.navigateTo({ url: '/pages/birthday/index' })}
            />
            {me.birthday ? (
              <BirthdayBenefits
                state={benefits}
                onShowOff={() => void Taro.navigateTo({ url: `/pages/community-post/compose/index?topic=${BIRTHDAY_SHOW_TOPIC_CODE}` })}
              />
            ) : null}
            <HomeShortcuts onOpen={(url) => void Taro.navigateTo({ url })} />
            <TierCard tier={me.tier} onOpenBenefits={() => void Taro.navigateTo({ url: `/pages/rules/tiers/index?tier=${me.tier.level}` })} />
            <PointsCard points={me.points} onOpenHistory={() => void Taro.navigateTo({ url: '/pages/points/index' })} />
          </>
        )}
      </RemoteView>
    </View>
  );
}

export default HomePage;

import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CardSkeleton } from '../../components/CardSkeleton';
import { RemoteView } from '../../components/RemoteView';
import { RulesSection } from '../../components/RulesSection';
import { formatBusinessDate } from '../../format/dates';
import { birthdayMonthRateText, earnRateText, tierThresholdText } from '../../format/rules';
import { useSettingsRules, type SettingsRules } from '../../hooks/useSettingsRules';
import './index.scss';

function Rules({ rules }: { rules: SettingsRules }): JSX.Element {
  return (
    <>
      <RulesSection title='会员等级' lines={[...rules.tiers.map((tier) => `${tier.name}：${tierThresholdText(tier)}`), ...rules.tierRules]}>
        <View className='rules__link' role='link' onClick={() => void Taro.navigateTo({ url: '/pages/rules/tiers/index' })}>
          查看各等级权益对比 ›
        </View>
      </RulesSection>
      <RulesSection title='积分获取' lines={[...rules.tiers.map((tier) => `${tier.name}：${earnRateText(tier.pointsPerYuan)}`), '积分按订单实付现金计算，支付成功后到账']} />
      <RulesSection title='积分有效期' lines={[rules.points.expiry, '即将过期的积分会在首页和“积分明细”提示']} />
      <RulesSection
        title='生日礼遇'
        lines={[
          rules.birthday.rule,
          ...rules.tiers.map((tier) => `${tier.name}生日月：${birthdayMonthRateText(tier)}`),
          ...rules.tiers.map((tier) => `${tier.name}生日助力：${tier.helpGoal} 位好友助力即可解锁助力礼`),
        ]}
      />
      <RulesSection title='积分商城' lines={rules.mall.rules} />
      <RulesSection title='邀请好友' lines={rules.referral.rules} />
      <RulesSection title='消息提醒' lines={[rules.messages.rule]} />
      <Text className='rules__version'>
        规则版本 {rules.version}，自 {formatBusinessDate(rules.effectiveFrom)} 起生效
      </Text>
    </>
  );
}

/** 会员规则: rendered from the program settings in force (settings.rules), never written into the app. */
export function RulesPage(): JSX.Element {
  const rules = useSettingsRules();
  return (
    <View className='rules'>
      <RemoteView remote={rules} skeleton={<CardSkeleton cards={3} />}>
        {(data) => <Rules rules={data} />}
      </RemoteView>
    </View>
  );
}

export default RulesPage;

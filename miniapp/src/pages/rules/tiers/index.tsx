import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { type TierLevel } from '@cakeday/shared';
import { CardSkeleton } from '../../../components/CardSkeleton';
import { RemoteView } from '../../../components/RemoteView';
import { RulesSection } from '../../../components/RulesSection';
import { birthdayMonthRateText, earnRateText, tierThresholdText } from '../../../format/rules';
import { useSettingsRules, type SettingsRules } from '../../../hooks/useSettingsRules';
import '../index.scss';

type Tier = SettingsRules['tiers'][number];

const ROWS: readonly { label: string; value(tier: Tier): string }[] = [
  { label: '获得条件', value: tierThresholdText },
  { label: '消费积分', value: (tier) => earnRateText(tier.pointsPerYuan) },
  { label: '生日月积分', value: birthdayMonthRateText },
  { label: '生日助力', value: (tier) => `${tier.helpGoal} 位好友即可解锁` },
];

function TierTable({ rules, current }: { rules: SettingsRules; current: TierLevel | null }): JSX.Element {
  const cellClass = (tier: Tier): string => `rules__cell${tier.level === current ? ' rules__cell--current' : ''}`;
  return (
    <View className='rules__table' role='table' aria-label='等级权益对比'>
      <View className='rules__row rules__row--head' role='row'>
        <View className='rules__cell rules__cell--label' role='columnheader'>
          权益
        </View>
        {rules.tiers.map((tier) => (
          <View key={tier.level} className={cellClass(tier)} role='columnheader'>
            {tier.name}
            {tier.level === current ? '（当前）' : ''}
          </View>
        ))}
      </View>
      {ROWS.map((row) => (
        <View key={row.label} className='rules__row' role='row'>
          <View className='rules__cell rules__cell--label' role='rowheader'>
            {row.label}
          </View>
          {rules.tiers.map((tier) => (
            <View key={tier.level} className={cellClass(tier)} role='cell'>
              {row.value(tier)}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

/** 等级权益: 普卡 / 金卡 / 钻石卡 side by side, from the settings in force; `?tier=` marks the member's own. */
export function TierBenefitsPage(): JSX.Element {
  const rules = useSettingsRules();
  const current = (Taro.getCurrentInstance().router?.params.tier ?? null) as TierLevel | null;
  return (
    <View className='rules'>
      <RemoteView remote={rules} skeleton={<CardSkeleton cards={2} />}>
        {(data) => (
          <>
            <TierTable rules={data} current={current} />
            <RulesSection title='升级与复核' lines={data.tierRules} />
            <View className='rules__version rules__link' role='link' onClick={() => void Taro.navigateTo({ url: '/pages/rules/index' })}>
              查看完整会员规则 ›
            </View>
          </>
        )}
      </RemoteView>
    </View>
  );
}

export default TierBenefitsPage;

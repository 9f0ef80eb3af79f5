import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { type BenefitPackage, type BirthdayBenefitsState } from '../hooks/useBirthdayBenefits';
import './BirthdayBenefits.scss';

function PackageRow({ pkg, state }: { pkg: BenefitPackage; state: BirthdayBenefitsState }): JSX.Element {
  return (
    <View className={`birthday-benefits__package birthday-benefits__package--${pkg.state}`}>
      <View className='birthday-benefits__package-body'>
        <Text className='birthday-benefits__package-title'>{pkg.title}</Text>
        <Text className='birthday-benefits__package-items'>{pkg.items.map((item) => item.title).join(' · ')}</Text>
        <Text className='birthday-benefits__package-window'>
          {pkg.state === 'upcoming' ? `${pkg.daysUntilOpen} 天后开放 · ` : ''}
          {pkg.windowText}
        </Text>
      </View>
      {pkg.state === 'claimed' ? (
        <Text className='birthday-benefits__claimed'>已领取</Text>
      ) : pkg.state === 'claimable' && pkg.claimable ? (
        <Button type='primary' size='small' loading={state.claim.pending} onClick={() => void state.claim.run(pkg.code)}>
          领取
        </Button>
      ) : pkg.state === 'claimable' ? (
        <Text className='birthday-benefits__automatic'>自动生效</Text>
      ) : (
        <Text className='birthday-benefits__upcoming'>待开放</Text>
      )}
    </View>
  );
}

/**
 * What the birthday holds for this member's tier: the e-card on the day, then each package and its button; once a
 * package is claimed, 晒出你的生日 (the community's composer with #晒生日# preset).
 */
export function BirthdayBenefits({ state, onShowOff }: { state: BirthdayBenefitsState; onShowOff?(): void }): JSX.Element | null {
  const benefits = state.data;
  if (!benefits || !benefits.available || benefits.packages.length === 0) return null;
  return (
    <View className='birthday-benefits'>
      {benefits.greeting ? (
        <View className='birthday-benefits__ecard'>
          <Text className='birthday-benefits__ecard-emoji'>🎂🎉</Text>
          <Text className='birthday-benefits__ecard-title'>{benefits.greeting.title}</Text>
          <Text className='birthday-benefits__ecard-message'>{benefits.greeting.message}</Text>
        </View>
      ) : null}
      <View className='birthday-benefits__header'>
        <Text className='birthday-benefits__title'>{benefits.tier.name}生日礼</Text>
        {benefits.claimableCount > 0 ? <Text className='birthday-benefits__badge'>{benefits.claimableCount} 份待领取</Text> : null}
      </View>
      {benefits.benefitsLocked ? <Text className='birthday-benefits__locked'>{benefits.benefitsLocked.notice}</Text> : null}
      {benefits.packages.map((pkg) => (
        <PackageRow key={pkg.code} pkg={pkg} state={state} />
      ))}
      {onShowOff && benefits.packages.some((pkg) => pkg.state === 'claimed') ? (
        <Button block fill='outline' type='primary' className='birthday-benefits__show-off' onClick={onShowOff}>
          晒出你的生日
        </Button>
      ) : null}
    </View>
  );
}

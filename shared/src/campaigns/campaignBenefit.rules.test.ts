import { benefitSourceKey, defaultBenefitOf, isDefaultOnly, upgradedVariants, withDefaultBenefit } from './campaignBenefit.rules.js';

const variant = (key: string, couponTemplate: string | null) => ({ key, name: key, weight: 1, message: null, sendDelayDays: 0, benefit: couponTemplate ? { couponTemplate } : null });

describe('campaign benefits', () => {
  it('one grant per campaign, member and occurrence: the steps of one birthday share the year’s', () => {
    expect(benefitSourceKey('c1', 'birthday', '2026:T-7')).toBe('c1:2026');
    expect(benefitSourceKey('c1', 'birthday', '2026:T-0')).toBe('c1:2026');
    expect(benefitSourceKey('c1', 'memberDay', 'memberDay:202703')).toBe('c1:memberDay:202703');
    expect(benefitSourceKey('c1', 'memberDay', 'memberDay:202704')).not.toBe(benefitSourceKey('c1', 'memberDay', 'memberDay:202703'));
    expect(benefitSourceKey('c1', 'push', 'once')).toBe('c1:once');
  });

  it('a campaign without an experiment carries its coupon on the default variant', () => {
    expect(withDefaultBenefit(null)).toEqual([]);
    const variants = withDefaultBenefit({ couponTemplate: 'welcome-5-off' });
    expect(variants).toEqual([{ ...variant('main', 'welcome-5-off'), name: '默认版本' }]);
    expect(isDefaultOnly(variants)).toBe(true);
    expect(isDefaultOnly([])).toBe(true);
    expect(isDefaultOnly([variant('warm', null)])).toBe(false);
    expect(defaultBenefitOf(variants)).toEqual({ couponTemplate: 'welcome-5-off' });
    expect(defaultBenefitOf([])).toBeNull();
  });

  it('upgrades a campaign stored with the campaign-level coupon: the default variant, or every variant without its own', () => {
    expect(upgradedVariants({ couponTemplateCode: 'care-10-off' }, [])).toEqual([{ ...variant('main', 'care-10-off'), name: '默认版本' }]);
    expect(upgradedVariants({ couponTemplateCode: 'care-10-off' }, [variant('a', null), variant('b', 'cake-10')])).toEqual([variant('a', 'care-10-off'), variant('b', 'cake-10')]);
    expect(upgradedVariants(null, [variant('a', null)])).toBeNull();
    expect(upgradedVariants(undefined, [])).toBeNull();
  });
});

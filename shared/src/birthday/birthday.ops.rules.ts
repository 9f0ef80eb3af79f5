import type { FieldIssue } from '../errors.js';
import type { BenefitOpening } from './birthday.rules.js';

export interface BirthdayPackageShape {
  items: { kind: 'coupon' | 'points_multiplier'; templateCode: string | null }[];
  window: { opens: BenefitOpening; daysBefore: number; claimDays: number | null };
}

/**
 * A coupon item names a template; a points multiplier names none (members see their tier's birthday-month rate from
 * the program settings, what the earn path uses). `daysBefore` only for days_before.
 */
export function birthdayPackageProblems(pkg: BirthdayPackageShape): FieldIssue[] {
  const problems: FieldIssue[] = [];
  pkg.items.forEach((item, index) => {
    if (item.kind === 'coupon' && !item.templateCode) {
      problems.push({ path: `items.${index}.templateCode`, message: '券类礼品须指定券模板' });
    }
    if (item.kind === 'points_multiplier' && item.templateCode !== null) {
      problems.push({ path: `items.${index}.templateCode`, message: '生日月积分礼品不指定券模板，倍数按会员规则设置中的积分比例显示' });
    }
  });
  if (pkg.window.opens !== 'days_before' && pkg.window.daysBefore !== 0) {
    problems.push({ path: 'window.daysBefore', message: '只有“生日前 N 天起”需要填写提前天数' });
  }
  return problems;
}

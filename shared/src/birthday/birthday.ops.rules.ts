import type { FieldIssue } from '../errors.js';
import type { BenefitOpening } from './birthday.rules.js';

export interface BirthdayPackageShape {
  items: { kind: 'coupon' | 'points_multiplier'; templateCode: string | null; multiplierPermille: number | null }[];
  window: { opens: BenefitOpening; daysBefore: number; claimDays: number | null };
}

/**
 * A coupon item names a template and no multiplier; a points multiplier names a multiplier and no template (it is
 * the package's wording: what a member earns comes from the program settings). `daysBefore` only for days_before.
 */
export function birthdayPackageProblems(pkg: BirthdayPackageShape): FieldIssue[] {
  const problems: FieldIssue[] = [];
  pkg.items.forEach((item, index) => {
    if (item.kind === 'coupon' && (!item.templateCode || item.multiplierPermille !== null)) {
      problems.push({ path: `items.${index}.templateCode`, message: '券类礼品须指定券模板，且不填倍数' });
    }
    if (item.kind === 'points_multiplier' && (item.multiplierPermille === null || item.templateCode !== null)) {
      problems.push({ path: `items.${index}.multiplierPermille`, message: '积分倍数礼品须填写倍数，且不指定券模板' });
    }
  });
  if (pkg.window.opens !== 'days_before' && pkg.window.daysBefore !== 0) {
    problems.push({ path: 'window.daysBefore', message: '只有“生日前 N 天起”需要填写提前天数' });
  }
  return problems;
}

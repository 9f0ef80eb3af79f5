import type { BirthdayPackage } from './BirthdayPackage.model';

/** Only packages holding a coupon are claimed; the others (the points multiplier) apply by themselves. */
export function packageHasCoupons(pkg: Pick<BirthdayPackage, 'items'>): boolean {
  return pkg.items.some((item) => item.kind === 'coupon' && item.templateCode);
}

import { describeBenefitWindow, toBusinessIso, type OpsBirthdayPackage } from '@cakeday/shared';
import { versionOf } from '../db/versioned';
import type { BirthdayPackage } from './BirthdayPackage.model';

/** The fields ops edit, as stored. */
export const editableOfPackage = (pkg: BirthdayPackage) => ({
  tiers: pkg.tiers,
  title: pkg.title,
  description: pkg.description,
  items: pkg.items.map((item) => ({ kind: item.kind, title: item.title, templateCode: item.templateCode })),
  window: { opens: pkg.window.opens, daysBefore: pkg.window.daysBefore, claimDays: pkg.window.claimDays },
  sortOrder: pkg.sortOrder,
  active: pkg.active,
});

export function presentBirthdayPackageForOps(pkg: BirthdayPackage): OpsBirthdayPackage {
  return {
    ...editableOfPackage(pkg),
    id: pkg._id.toHexString(),
    code: pkg.code,
    windowText: describeBenefitWindow(pkg.window),
    updatedAt: toBusinessIso(pkg.updatedAt),
    version: versionOf(pkg),
  };
}

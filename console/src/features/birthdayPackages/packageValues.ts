import type { OpsBirthdayPackage, OpsBirthdayPackagesUpdateRequest } from '@cakeday/shared';

/** A gift as the form holds it. */
export interface PackageItemValues {
  kind: OpsBirthdayPackage['items'][number]['kind'];
  title: string;
  templateCode?: string | null;
}

export interface PackageFormValues {
  tiers: OpsBirthdayPackage['tiers'];
  title: string;
  description?: string;
  items: PackageItemValues[];
  window: { opens: OpsBirthdayPackage['window']['opens']; daysBefore?: number | null; claimDays?: number | null };
  sortOrder: number;
  active: boolean;
  reason?: string;
}

export function packageFormValues(pkg: OpsBirthdayPackage): PackageFormValues {
  return {
    tiers: pkg.tiers,
    title: pkg.title,
    description: pkg.description,
    items: pkg.items.map((item) => ({
      kind: item.kind,
      title: item.title,
      templateCode: item.templateCode,
    })),
    window: { ...pkg.window },
    sortOrder: pkg.sortOrder,
    active: pkg.active,
  };
}

/** The whole package as the update takes it; a coupon gift names a template. */
export function packageUpdate(pkg: OpsBirthdayPackage, values: PackageFormValues): OpsBirthdayPackagesUpdateRequest {
  return {
    id: pkg.id,
    version: pkg.version,
    tiers: values.tiers,
    title: values.title.trim(),
    description: values.description?.trim() ?? '',
    items: values.items.map((item) => ({
      kind: item.kind,
      title: item.title.trim(),
      templateCode: item.kind === 'coupon' ? (item.templateCode ?? null) : null,
    })),
    window: {
      opens: values.window.opens,
      daysBefore: values.window.opens === 'days_before' ? (values.window.daysBefore ?? 0) : 0,
      claimDays: values.window.claimDays ?? null,
    },
    sortOrder: values.sortOrder,
    active: values.active,
  };
}

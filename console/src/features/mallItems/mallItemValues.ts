import { isCatalogImagePath, type OpsMallItem, type OpsMallItemEditable, type TierLevel } from '@cakeday/shared';
import type { Dayjs } from 'dayjs';
import { instantOf, pickerValue } from '../../format/dateTimeField';
import { fenToYuan, yuanToFen } from '../../format/money';

/** The item form as operators fill it: yuan, one rule or image URL per line, Beijing wall times. */
export interface MallItemFormValues {
  code?: string;
  stock?: number;
  title: string;
  subtitle?: string;
  description?: string;
  rulesText?: string;
  imagesText?: string;
  kind: OpsMallItem['kind'];
  pointsPrice: number;
  cashYuan: number;
  limitPerMember: number;
  limitPeriod: OpsMallItem['limitPeriod'];
  /** 'all' = every tier. */
  tierRequired: TierLevel | 'all';
  couponTemplateCode?: string | null;
  visibleFrom?: Dayjs | null;
  visibleTo?: Dayjs | null;
  status: OpsMallItem['status'];
  sortOrder: number;
  reason?: string;
}

const lines = (text: string | undefined): string[] =>
  (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export const NEW_ITEM_VALUES: Partial<MallItemFormValues> = {
  kind: 'physical',
  pointsPrice: 100,
  cashYuan: 0,
  limitPerMember: 1,
  limitPeriod: 'lifetime',
  tierRequired: 'all',
  status: 'inactive',
  sortOrder: 0,
  stock: 0,
};

export function formValuesOf(item: OpsMallItem): MallItemFormValues {
  return {
    title: item.title,
    subtitle: item.subtitle,
    description: item.description,
    rulesText: item.rules.join('\n'),
    // The uploaded photo is changed under 图片, not typed here.
    imagesText: item.images.filter((image) => !isCatalogImagePath(image)).join('\n'),
    kind: item.kind,
    pointsPrice: item.pointsPrice,
    cashYuan: fenToYuan(item.cashFen),
    limitPerMember: item.limitPerMember,
    limitPeriod: item.limitPeriod,
    tierRequired: item.tierRequired ?? 'all',
    couponTemplateCode: item.couponTemplateCode,
    visibleFrom: pickerValue(item.visibleFrom),
    visibleTo: pickerValue(item.visibleTo),
    status: item.status,
    sortOrder: item.sortOrder,
  };
}

/**
 * Every editable field, in the API's units; a coupon template only for coupon items. The item's uploaded photo
 * (`uploaded`, not in the form) stays its cover, in front of the https images typed.
 */
export function editableOf(values: MallItemFormValues, uploaded: readonly string[] = []): OpsMallItemEditable {
  return {
    title: values.title.trim(),
    subtitle: values.subtitle?.trim() ?? '',
    description: values.description?.trim() ?? '',
    rules: lines(values.rulesText),
    images: [...uploaded, ...lines(values.imagesText)],
    kind: values.kind,
    pointsPrice: values.pointsPrice,
    cashFen: yuanToFen(values.cashYuan ?? 0),
    limitPerMember: values.limitPerMember,
    limitPeriod: values.limitPeriod,
    tierRequired: values.tierRequired === 'all' ? null : values.tierRequired,
    couponTemplateCode: values.kind === 'coupon' ? (values.couponTemplateCode ?? null) : null,
    visibleFrom: instantOf(values.visibleFrom),
    visibleTo: instantOf(values.visibleTo),
    status: values.status,
    sortOrder: values.sortOrder,
  };
}

const HTTPS_URL = /^https:\/\/\S+$/;

/** The image lines that are not https URLs (the mini-program loads only those). */
export function badImageLines(text: string | undefined): string[] {
  return lines(text).filter((line) => !HTTPS_URL.test(line));
}

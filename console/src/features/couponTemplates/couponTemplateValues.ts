import { NO_COUPON_CONDITIONS, type CouponChannel, type OpsCouponTemplate, type OpsCouponTemplateEditable, type TierLevel } from '@cakeday/shared';
import { fenToYuan, yuanToFen } from '../../format/money';

/** The template form in the units operators type: yuan, and the discount as 折 (8.5 = 15% off). */
export interface CouponTemplateFormValues {
  code?: string;
  title: string;
  description?: string;
  type: OpsCouponTemplate['type'];
  amountOffYuan?: number | null;
  /** 8.5 = 8.5折. */
  discountZhe?: number | null;
  minSpendYuan?: number | null;
  freeItemName?: string | null;
  validDays: number;
  active: boolean;
  firstOrderOnly?: boolean;
  birthdayMonthOnly?: boolean;
  /** Empty = every tier. */
  tiers?: TierLevel[];
  /** Empty = everywhere. */
  channels?: CouponChannel[];
  /** Empty = every store. */
  storeIds?: string[];
  reason?: string;
}

export const NEW_TEMPLATE_VALUES: Partial<CouponTemplateFormValues> = { type: 'amount_off', minSpendYuan: 0, validDays: 30, active: true, ...NO_COUPON_CONDITIONS };

export function formValuesOf(template: OpsCouponTemplate): CouponTemplateFormValues {
  return {
    title: template.title,
    description: template.description,
    type: template.type,
    amountOffYuan: template.amountOffFen === null ? null : fenToYuan(template.amountOffFen),
    discountZhe: template.percentOff === null ? null : (100 - template.percentOff) / 10,
    minSpendYuan: fenToYuan(template.minSpendFen),
    freeItemName: template.freeItemName,
    validDays: template.validDays,
    active: template.active,
    ...template.conditions,
  };
}

/** Only the value field of the chosen type is sent; the others are empty, as the face rules ask. */
export function editableOf(values: CouponTemplateFormValues): OpsCouponTemplateEditable {
  return {
    title: values.title.trim(),
    description: values.description?.trim() ?? '',
    type: values.type,
    amountOffFen: values.type === 'amount_off' && values.amountOffYuan ? yuanToFen(values.amountOffYuan) : null,
    percentOff: values.type === 'percent_off' && values.discountZhe ? Math.round(100 - values.discountZhe * 10) : null,
    minSpendFen: yuanToFen(values.minSpendYuan ?? 0),
    freeItemName: values.type === 'free_item' ? (values.freeItemName?.trim() ?? null) || null : null,
    validDays: values.validDays,
    conditions: {
      firstOrderOnly: values.firstOrderOnly ?? false,
      tiers: values.tiers ?? [],
      birthdayMonthOnly: values.birthdayMonthOnly ?? false,
      storeIds: values.storeIds ?? [],
      channels: values.channels ?? [],
    },
    active: values.active,
  };
}

import {
  couponConditionText,
  couponValueText,
  limitPeriodLabels,
  mallFulfilmentLabels,
  mallItemKindLabels,
  priceText,
  tierAllows,
  tierNames,
  toBusinessIso,
  type MallItemDetail,
  type MallItemSummary,
  type TierLevel,
} from '@cakeday/shared';
import type { CouponTemplate } from '../coupons/CouponTemplate.model';
import type { MallItem } from './MallItem.model';

export function presentMallItemSummary(item: MallItem, viewerTier: TierLevel | null): MallItemSummary {
  return {
    id: item._id.toHexString(),
    title: item.title,
    subtitle: item.subtitle,
    coverImage: item.images[0] ?? '',
    imageUrl: item.images[0] ?? null,
    kind: item.kind,
    kindLabel: mallItemKindLabels[item.kind],
    pointsPrice: item.pointsPrice,
    cashFen: item.cashFen,
    priceText: priceText(item.pointsPrice, item.cashFen),
    stock: Math.max(0, item.stock),
    soldOut: item.stock <= 0,
    tierRequired: item.tierRequired,
    tierBadge: item.tierRequired && item.tierRequired !== 'basic' ? `${tierNames[item.tierRequired]}专享` : null,
    tierAllowed: viewerTier ? tierAllows(viewerTier, item.tierRequired) : item.tierRequired === null || item.tierRequired === 'basic',
    visibleTo: item.visibleTo ? toBusinessIso(item.visibleTo) : null,
  };
}

export function presentMallItemDetail(item: MallItem, viewerTier: TierLevel | null, template: CouponTemplate | null): MallItemDetail {
  return {
    ...presentMallItemSummary(item, viewerTier),
    images: item.images,
    description: item.description,
    rules: item.rules,
    fulfilmentText: mallFulfilmentLabels[item.kind],
    limit: {
      period: item.limitPeriod,
      perMember: item.limitPerMember,
      text: `${limitPeriodLabels[item.limitPeriod]}限兑 ${item.limitPerMember} 件`,
    },
    coupon: template
      ? { title: template.title, valueText: couponValueText(template), conditionText: couponConditionText(template), validDays: template.validDays }
      : null,
  };
}

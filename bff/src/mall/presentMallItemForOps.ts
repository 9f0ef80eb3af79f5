import { mallItemKindLabels, priceText, toBusinessIso, type OpsMallItem, type OpsMallItemEditable } from '@cakeday/shared';
import { versionOf } from '../db/versioned';
import type { MallItem } from './MallItem.model';

/** The ops-editable fields as stored (dates as Dates), for diffs and merges. */
export type StoredMallItemEditable = Omit<OpsMallItemEditable, 'visibleFrom' | 'visibleTo'> & { visibleFrom: Date | null; visibleTo: Date | null };

export function editableOfMallItem(item: MallItem): StoredMallItemEditable {
  return {
    title: item.title,
    subtitle: item.subtitle,
    description: item.description,
    rules: item.rules,
    images: item.images,
    kind: item.kind,
    pointsPrice: item.pointsPrice,
    cashFen: item.cashFen,
    limitPerMember: item.limitPerMember,
    limitPeriod: item.limitPeriod,
    tierRequired: item.tierRequired,
    couponTemplateCode: item.couponTemplateCode,
    visibleFrom: item.visibleFrom,
    visibleTo: item.visibleTo,
    status: item.status,
    sortOrder: item.sortOrder,
  };
}

export function presentMallItemForOps(item: MallItem): OpsMallItem {
  return {
    ...editableOfMallItem(item),
    id: item._id.toHexString(),
    code: item.code,
    imageUrl: item.images[0] ?? null,
    kindLabel: mallItemKindLabels[item.kind],
    priceText: priceText(item.pointsPrice, item.cashFen),
    stock: item.stock,
    reservedOrders: item.reservedOrders.length,
    visibleFrom: item.visibleFrom ? toBusinessIso(item.visibleFrom) : null,
    visibleTo: item.visibleTo ? toBusinessIso(item.visibleTo) : null,
    createdAt: toBusinessIso(item.createdAt),
    updatedAt: toBusinessIso(item.updatedAt),
    version: versionOf(item),
  };
}

import { MALL_ITEM_KINDS, mallItemKindLabels, type MallItemKind, type MallSection } from '@cakeday/shared';
import { type FilterChip } from '../../components/FilterChips';

export type KindFilter = MallItemKind | 'all';

export const kindChips: ReadonlyArray<FilterChip<KindFilter>> = [
  { key: 'all', label: '全部' },
  ...MALL_ITEM_KINDS.map((kind) => ({ key: kind, label: mallItemKindLabels[kind] })),
];

/** 积分兑换 and 送礼 (cash-only items friends give from a wishlist). */
export const sectionChips: ReadonlyArray<FilterChip<MallSection>> = [
  { key: 'points', label: '积分兑换' },
  { key: 'gifts', label: '送礼' },
];

import { MALL_ITEM_KINDS, mallItemKindLabels, type MallItemKind } from '@cakeday/shared';
import { type FilterChip } from '../../components/FilterChips';

export type KindFilter = MallItemKind | 'all';

export const kindChips: ReadonlyArray<FilterChip<KindFilter>> = [
  { key: 'all', label: '全部' },
  ...MALL_ITEM_KINDS.map((kind) => ({ key: kind, label: mallItemKindLabels[kind] })),
];

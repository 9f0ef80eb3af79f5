import { type MallItemKind, type MallListResponse, type MallItemSummary, type MallSection, type RouteResponse } from '@cakeday/shared';
import { useState } from 'react';
import { call } from '../api/client';
import { usePagedList, type PagedList } from './usePagedList';
import { useRemoteData, type RemoteData } from './useRemoteData';

export type MallViewer = MallListResponse['viewer'];

export interface MallList extends PagedList<MallItemSummary> {
  /** The caller's balance and tier; null when not logged in. */
  viewer: MallViewer;
}

/** The catalogue of one section (积分兑换 or 送礼), one kind or all, 20 items at a time. */
export function useMallList(kind: MallItemKind | null, section: MallSection = 'points'): MallList {
  const [viewer, setViewer] = useState<MallViewer>(null);
  const list = usePagedList<MallItemSummary, MallListResponse>(
    (cursor) => call('mall.list', { section, ...(kind ? { kind } : {}), ...(cursor ? { cursor } : {}), limit: 20 }),
    `${section}:${kind ?? 'all'}`,
    (page) => setViewer(page.viewer),
  );
  return { ...list, viewer };
}

export type MallItemView = RouteResponse<'mall.item'>;

export function useMallItem(itemId: string): RemoteData<MallItemView> {
  return useRemoteData(() => call('mall.item', { itemId }));
}

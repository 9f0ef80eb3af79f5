import { useEffect } from 'react';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { type MemberCodeIssueResponse } from '@cakeday/shared';
import { call } from '../api/client';
import { useQrToken, type QrTokenState } from './useQrToken';

/**
 * The 会员码 with the chosen coupons attached, renewed before its minute runs out while the page shows (a new
 * choice of coupons asks for a new code at once). The screen stays on while it shows, so the till can scan it.
 */
export function useMemberCode(couponIds: readonly string[]): QrTokenState<MemberCodeIssueResponse> {
  const key = couponIds.join(',');
  const state = useQrToken(() => call('memberCode.issue', { couponIds: key ? key.split(',') : [] }), true);
  const { refresh } = state;
  useEffect(() => {
    void refresh();
  }, [key, refresh]);
  useKeepScreenOn();
  return state;
}

function keepScreenOn(on: boolean): void {
  // Not every platform has it (a desktop browser); the code still shows.
  void Promise.resolve(Taro.setKeepScreenOn?.({ keepScreenOn: on })).catch(() => undefined);
}

function useKeepScreenOn(): void {
  useDidShow(() => keepScreenOn(true));
  useDidHide(() => keepScreenOn(false));
  useEffect(() => {
    keepScreenOn(true);
    return () => keepScreenOn(false);
  }, []);
}

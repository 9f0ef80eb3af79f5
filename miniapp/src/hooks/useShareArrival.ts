import { useState } from 'react';
import { getCurrentInstance } from '@tarojs/taro';
import { readShareParams, rememberShareArrival, type ShareArrival } from '../auth/shareArrival';

/**
 * For a share's landing page: reads the share id and the sharer's referral code from the page's query (or the
 * QR scene) once, and keeps them for the visitor's first login.
 */
export function useShareArrival(): ShareArrival | null {
  const [arrival] = useState(() => {
    const found = readShareParams(getCurrentInstance().router?.params ?? {});
    rememberShareArrival(found);
    return found;
  });
  return arrival;
}

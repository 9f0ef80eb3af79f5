import { useEffect } from 'react';
import Taro, { getCurrentInstance } from '@tarojs/taro';
import { call } from '../api/client';

const DELIVERY_ID = /^[0-9a-f]{24}$/;
/** Deliveries this run of the app has reported: a page mounted again (H5's router after a login) reports nothing more. */
const reported = new Set<string>();

/** How the mini-program was entered (1014: the subscription message's card); the H5 build has no scene. */
function enterScene(): number | undefined {
  try {
    const scene: unknown = Taro.getEnterOptionsSync?.()?.scene;
    return typeof scene === 'number' ? scene : undefined;
  } catch {
    return undefined;
  }
}

/**
 * For a page a campaign message can land on (from WeChat's card, scene 1014, or from 消息中心): reports the
 * delivery in the query as opened, with the scene it was entered from, once per run of the app. The BFF counts each
 * delivery once, so a reload reports again harmlessly; a failed report never bothers the member.
 */
export function useMessageOpened(): void {
  useEffect(() => {
    const delivery = getCurrentInstance().router?.params?.delivery;
    if (!delivery || !DELIVERY_ID.test(delivery) || reported.has(delivery)) return;
    reported.add(delivery);
    const scene = enterScene();
    // A failed report may be made again by the next visit.
    void call('messages.opened', scene === undefined ? { delivery } : { delivery, scene }).catch(() => reported.delete(delivery));
  }, []);
}

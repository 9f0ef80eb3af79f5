import { useEffect } from 'react';
import { getCurrentInstance } from '@tarojs/taro';
import { call } from '../api/client';

const DELIVERY_ID = /^[0-9a-f]{24}$/;

/**
 * For a page a campaign message can land on (from WeChat's card, scene 1014, or from 消息中心): reports the
 * delivery in the query as opened. The BFF counts each delivery once, so a reload reports again harmlessly;
 * a failed report never bothers the member.
 */
export function useMessageOpened(): void {
  useEffect(() => {
    const delivery = getCurrentInstance().router?.params?.delivery;
    if (delivery && DELIVERY_ID.test(delivery)) void call('messages.opened', { delivery }).catch(() => undefined);
  }, []);
}

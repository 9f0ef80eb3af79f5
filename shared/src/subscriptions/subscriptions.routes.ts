import { defineRoutes } from '../api/route.js';
import { subscriptionsMineRequest, subscriptionsMineResponse, subscriptionsRecordRequest, subscriptionsRecordResponse } from './subscriptions.schema.js';

export const subscriptionsRoutes = defineRoutes({
  'subscriptions.mine': {
    auth: 'member',
    summary: '我的订阅消息：每个模板还可发送的次数（以微信推送的事件为准）与营销消息授权',
    request: subscriptionsMineRequest,
    response: subscriptionsMineResponse,
  },
  'subscriptions.record': {
    auth: 'member',
    summary: '记录小程序 requestSubscribeMessage 的结果（仅作核对，次数以微信推送为准）',
    request: subscriptionsRecordRequest,
    response: subscriptionsRecordResponse,
  },
});

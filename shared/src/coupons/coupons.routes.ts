import { defineRoutes } from '../api/route.js';
import { couponsListRequest, couponsListResponse, couponsQrRequest, couponsQrResponse } from './coupons.schema.js';

export const couponsRoutes = defineRoutes({
  'coupons.list': {
    auth: 'member',
    summary: '我的优惠券（可使用，或已使用/已过期的历史）',
    request: couponsListRequest,
    response: couponsListResponse,
  },
  'coupons.qr': {
    auth: 'member',
    summary: '优惠券核销二维码（约 60 秒有效，页面每分钟刷新）',
    request: couponsQrRequest,
    response: couponsQrResponse,
  },
});

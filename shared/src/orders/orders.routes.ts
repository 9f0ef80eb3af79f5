import { defineRoutes } from '../api/route.js';
import {
  ordersCancelRequest,
  ordersCancelResponse,
  ordersConfirmPaymentRequest,
  ordersConfirmPaymentResponse,
  ordersGetRequest,
  ordersGetResponse,
  ordersListRequest,
  ordersListResponse,
  ordersPayRequest,
  ordersPayResponse,
  ordersQrRequest,
  ordersQrResponse,
  ordersRefundRequest,
  ordersRefundResponse,
} from './orders.schema.js';

export const ordersRoutes = defineRoutes({
  'orders.list': {
    auth: 'member',
    summary: '我的兑换订单（最新在前；含我收到的礼物）',
    request: ordersListRequest,
    response: ordersListResponse,
  },
  'orders.get': {
    auth: 'member',
    summary: '订单详情',
    request: ordersGetRequest,
    response: ordersGetResponse,
  },
  'orders.cancel': {
    auth: 'member',
    summary: '取消未支付订单：退回积分、恢复库存、关闭支付',
    request: ordersCancelRequest,
    response: ordersCancelResponse,
  },
  'orders.pay': {
    auth: 'member',
    summary: '重新获取待支付订单的支付参数',
    request: ordersPayRequest,
    response: ordersPayResponse,
  },
  'orders.confirmPayment': {
    auth: 'member',
    summary: '支付完成后向微信支付查询结果并更新订单',
    request: ordersConfirmPaymentRequest,
    response: ordersConfirmPaymentResponse,
  },
  'orders.refund': {
    auth: 'member',
    summary: '申请退款（未核销的订单）：退回积分与现金，收回订单所得积分',
    request: ordersRefundRequest,
    response: ordersRefundResponse,
  },
  'orders.qr': {
    auth: 'member',
    summary: '自提/服务订单的核销二维码（约 60 秒有效，页面每分钟刷新）',
    request: ordersQrRequest,
    response: ordersQrResponse,
  },
});

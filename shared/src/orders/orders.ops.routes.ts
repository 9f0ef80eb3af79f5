import { csvExportResponse } from '../api/exports.js';
import { defineRoutes } from '../api/route.js';
import {
  opsOrdersExportRequest,
  opsOrdersFlagsResolveRequest,
  opsOrdersFlagsResolveResponse,
  opsOrdersGetRequest,
  opsOrdersGetResponse,
  opsOrdersListRequest,
  opsOrdersListResponse,
  opsOrdersRefundRequest,
  opsOrdersRefundResponse,
} from './orders.ops.schema.js';

export const ordersOpsRoutes = defineRoutes({
  'ops.orders.list': {
    auth: 'ops',
    permission: ['read', 'Order'],
    summary: '订单列表：按状态、会员、订单号、下单时间、待处理异常筛选，分页',
    request: opsOrdersListRequest,
    response: opsOrdersListResponse,
  },
  'ops.orders.get': {
    auth: 'ops',
    permission: ['read', 'Order'],
    summary: '订单详情：状态历史、支付与退款记录、异常标记',
    request: opsOrdersGetRequest,
    response: opsOrdersGetResponse,
  },
  'ops.orders.refund': {
    auth: 'ops',
    permission: ['refund', 'Order'],
    summary: '为会员退款（需填写原因）：退回积分与现金、恢复库存；已核销的订单不能退',
    request: opsOrdersRefundRequest,
    response: opsOrdersRefundResponse,
  },
  'ops.orders.flags.resolve': {
    auth: 'ops',
    permission: ['update', 'Order'],
    summary: '把订单的一条异常标记为已处理（需填写处理说明）',
    request: opsOrdersFlagsResolveRequest,
    response: opsOrdersFlagsResolveResponse,
  },
  'ops.orders.export': {
    auth: 'ops',
    permission: ['export', 'Order'],
    summary: '导出订单（CSV，流式，不含个人信息）',
    request: opsOrdersExportRequest,
    response: csvExportResponse,
    stream: 'csv',
  },
});

import { defineRoutes } from '../api/route.js';
import { csvExportResponse } from '../api/exports.js';
import {
  opsAnalyticsExportRequest,
  opsAnalyticsDailyRequest,
  opsAnalyticsDailyResponse,
  opsAnalyticsFunnelRequest,
  opsAnalyticsFunnelResponse,
  opsAnalyticsSegmentsRequest,
  opsAnalyticsSegmentsResponse,
} from './analytics.schema.js';
import { opsAnalyticsMembersExportRequest, opsAnalyticsMembersRequest, opsAnalyticsMembersResponse } from './memberDays.schema.js';

export const analyticsRoutes = defineRoutes({
  'ops.analytics.daily': {
    auth: 'ops',
    permission: ['read', 'Dashboard'],
    summary: '经营日报：按业务日（上海时间）的新会员、活跃会员、订单、GMV（分）、退款、积分发放与使用、权益领取',
    request: opsAnalyticsDailyRequest,
    response: opsAnalyticsDailyResponse,
  },
  'ops.analytics.export': {
    auth: 'ops',
    permission: ['export', 'Dashboard'],
    summary: '导出经营日报与生日礼漏斗的每日数据（CSV，流式）',
    request: opsAnalyticsExportRequest,
    response: csvExportResponse,
    stream: 'csv',
  },
  'ops.analytics.segments': {
    auth: 'ops',
    permission: ['read', 'Dashboard'],
    summary: '会员分层：生命周期阶段与 R、F、M 各分值的人数',
    request: opsAnalyticsSegmentsRequest,
    response: opsAnalyticsSegmentsResponse,
  },
  'ops.analytics.funnel': {
    auth: 'ops',
    permission: ['read', 'Dashboard'],
    summary: '漏斗：生日礼（触达 → 打开 → 领取 → 使用），各步人数、转化率与每日明细',
    request: opsAnalyticsFunnelRequest,
    response: opsAnalyticsFunnelResponse,
  },
  'ops.analytics.members': {
    auth: 'ops',
    permission: ['read', 'Dashboard'],
    summary: '会员走势：按业务日（上海时间）各等级与各生命周期阶段的会员数（每日一次快照，只含计数）',
    request: opsAnalyticsMembersRequest,
    response: opsAnalyticsMembersResponse,
  },
  'ops.analytics.membersExport': {
    auth: 'ops',
    permission: ['export', 'Dashboard'],
    summary: '导出会员走势的每日快照（CSV，流式）',
    request: opsAnalyticsMembersExportRequest,
    response: csvExportResponse,
    stream: 'csv',
  },
});

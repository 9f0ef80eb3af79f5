import { defineRoutes } from '../api/route.js';
import { csvExportResponse } from '../api/exports.js';
import { opsInsightsSatisfactionExportRequest, opsInsightsSatisfactionRequest, opsInsightsSatisfactionResponse } from '../satisfaction/satisfaction.schema.js';
import { opsInsightsActivityExportRequest, opsInsightsActivityRequest, opsInsightsActivityResponse } from './activity.schema.js';
import { opsInsightsAlertAcknowledgeRequest, opsInsightsAlertAcknowledgeResponse, opsInsightsAlertsRequest, opsInsightsAlertsResponse } from './alerts.schema.js';
import { opsInsightsKpisExportRequest, opsInsightsKpisRequest, opsInsightsKpisResponse } from './kpis.schema.js';
import { opsInsightsLiabilityExportRequest, opsInsightsLiabilityRequest, opsInsightsLiabilityResponse } from './insights.schema.js';

export const insightsRoutes = defineRoutes({
  'ops.insights.liability': {
    auth: 'ops',
    permission: ['read', 'Dashboard'],
    summary: '积分负债（财务）：未到期积分、按月（上海时间）到期分布、按积分兑换率折算的金额（分）',
    request: opsInsightsLiabilityRequest,
    response: opsInsightsLiabilityResponse,
  },
  'ops.insights.liabilityExport': {
    auth: 'ops',
    permission: ['export', 'Dashboard'],
    summary: '导出积分负债的按月到期明细（CSV，流式）',
    request: opsInsightsLiabilityExportRequest,
    response: csvExportResponse,
    stream: 'csv',
  },
  'ops.insights.satisfaction': {
    auth: 'ops',
    permission: ['read', 'Dashboard'],
    summary: '满意度：NPS 与趋势、评价星级、评语情感四分类占比与目标、最常见的抱怨词（只含统计，不含评语原文）',
    request: opsInsightsSatisfactionRequest,
    response: opsInsightsSatisfactionResponse,
  },
  'ops.insights.satisfactionExport': {
    auth: 'ops',
    permission: ['export', 'Dashboard'],
    summary: '导出满意度的每日数据（CSV，流式）',
    request: opsInsightsSatisfactionExportRequest,
    response: csvExportResponse,
    stream: 'csv',
  },
  'ops.insights.kpis': {
    auth: 'ops',
    permission: ['read', 'Dashboard'],
    summary: '计划 KPI：按日汇总计算的生日礼参与率、NPS、消息触达率、权益核销率等，及设置中的目标值（不含个人数据）',
    request: opsInsightsKpisRequest,
    response: opsInsightsKpisResponse,
  },
  'ops.insights.kpisExport': {
    auth: 'ops',
    permission: ['export', 'Dashboard'],
    summary: '导出计划 KPI 的每日数值与目标（CSV，流式）',
    request: opsInsightsKpisExportRequest,
    response: csvExportResponse,
    stream: 'csv',
  },
  'ops.insights.alerts': {
    auth: 'ops',
    permission: ['read', 'Alert'],
    summary: '告警：KPI 低于目标、渠道触达率过低、活动失败率过高（每项每天一条，记录当时的数值、阈值与统计窗口）',
    request: opsInsightsAlertsRequest,
    response: opsInsightsAlertsResponse,
  },
  'ops.insights.alertAcknowledge': {
    auth: 'ops',
    permission: ['update', 'Alert'],
    summary: '确认告警（记入操作日志）',
    request: opsInsightsAlertAcknowledgeRequest,
    response: opsInsightsAlertAcknowledgeResponse,
  },
  'ops.insights.activity': {
    auth: 'ops',
    permission: ['read', 'Dashboard'],
    summary: '消息与社区：按日的消息发送、失败与跳过（按渠道与原因），社区发帖、助力与邀请（只含计数）',
    request: opsInsightsActivityRequest,
    response: opsInsightsActivityResponse,
  },
  'ops.insights.activityExport': {
    auth: 'ops',
    permission: ['export', 'Dashboard'],
    summary: '导出消息与社区的每日数据（CSV，流式）',
    request: opsInsightsActivityExportRequest,
    response: csvExportResponse,
    stream: 'csv',
  },
});

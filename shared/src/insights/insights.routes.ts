import { defineRoutes } from '../api/route.js';
import { csvExportResponse } from '../api/exports.js';
import { opsInsightsSatisfactionExportRequest, opsInsightsSatisfactionRequest, opsInsightsSatisfactionResponse } from '../satisfaction/satisfaction.schema.js';
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
});

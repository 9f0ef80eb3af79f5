import { defineRoutes } from '../api/route.js';
import {
  opsCampaignsAllocateRequest,
  opsCampaignsCreateRequest,
  opsCampaignsCreateResponse,
  opsCampaignsDryRunRequest,
  opsCampaignsDryRunResponse,
  opsCampaignsGetRequest,
  opsCampaignsGetResponse,
  opsCampaignsListRequest,
  opsCampaignsListResponse,
  opsCampaignsPreviewRequest,
  opsCampaignsPreviewResponse,
  opsCampaignsReportRequest,
  opsCampaignsReportResponse,
  opsCampaignsTransitionRequest,
  opsCampaignsTransitionResponse,
  opsCampaignsUpdateRequest,
  opsCampaignsUpdateResponse,
} from './campaigns.schema.js';
import { opsCampaignsResultsExportRequest, opsCampaignsResultsRequest, opsCampaignsResultsResponse } from './campaignResults.schema.js';
import { csvExportResponse } from '../api/exports.js';

const transition = (summary: string, action: 'update' | 'approve') =>
  ({ auth: 'ops', permission: [action, 'Campaign'], summary, request: opsCampaignsTransitionRequest, response: opsCampaignsTransitionResponse }) as const;

export const campaignsOpsRoutes = defineRoutes({
  'ops.campaigns.list': { auth: 'ops', permission: ['read', 'Campaign'], summary: '营销活动列表（按状态筛选）', request: opsCampaignsListRequest, response: opsCampaignsListResponse },
  'ops.campaigns.get': { auth: 'ops', permission: ['read', 'Campaign'], summary: '营销活动详情', request: opsCampaignsGetRequest, response: opsCampaignsGetResponse },
  'ops.campaigns.create': {
    auth: 'ops',
    permission: ['create', 'Campaign'],
    summary: '新建营销活动（草稿；消息须符合模板规则）',
    request: opsCampaignsCreateRequest,
    response: opsCampaignsCreateResponse,
  },
  'ops.campaigns.update': {
    auth: 'ops',
    permission: ['update', 'Campaign'],
    summary: '修改草稿状态的营销活动（须基于最新版本）',
    request: opsCampaignsUpdateRequest,
    response: opsCampaignsUpdateResponse,
  },
  'ops.campaigns.preview': {
    auth: 'ops',
    permission: ['read', 'Campaign'],
    summary: '预览消息：以最长的变量值渲染并按模板规则检查',
    request: opsCampaignsPreviewRequest,
    response: opsCampaignsPreviewResponse,
  },
  'ops.campaigns.dryRun': {
    auth: 'ops',
    permission: ['read', 'Campaign'],
    summary: '试运行：受众人数、将跳过的人数及原因、消息样例（不发送）',
    request: opsCampaignsDryRunRequest,
    response: opsCampaignsDryRunResponse,
  },
  'ops.campaigns.submit': transition('提交活动（受众超过审批门槛时须另一位运营审批）', 'update'),
  'ops.campaigns.approve': transition('审批通过（不能审批自己提交的活动）', 'approve'),
  'ops.campaigns.reject': transition('驳回待审批的活动（回到草稿）', 'approve'),
  'ops.campaigns.start': transition('启动已通过的活动', 'update'),
  'ops.campaigns.pause': transition('暂停进行中的活动（排队中的消息暂不发送）', 'update'),
  'ops.campaigns.resume': transition('恢复已暂停的活动', 'update'),
  'ops.campaigns.stop': transition('终止活动（排队中的消息不再发送）', 'update'),
  'ops.campaigns.report': {
    auth: 'ops',
    permission: ['read', 'Campaign'],
    summary: '投递报表：按状态、跳过原因、错误码计数',
    request: opsCampaignsReportRequest,
    response: opsCampaignsReportResponse,
  },
  'ops.campaigns.allocate': {
    auth: 'ops',
    permission: ['update', 'Campaign'],
    summary: '切换分流方式：按权重固定分流，或按 Thompson 采样（多臂老虎机）把流量移向效果更好的版本',
    request: opsCampaignsAllocateRequest,
    response: opsCampaignsTransitionResponse,
  },
  'ops.campaigns.results': {
    auth: 'ops',
    permission: ['read', 'Campaign'],
    summary: '活动效果：触达 → 送达 → 打开 → 领取 → 使用，归因 GMV（末次触达），相对对照组的提升与置信区间，各版本转化',
    request: opsCampaignsResultsRequest,
    response: opsCampaignsResultsResponse,
  },
  'ops.campaigns.resultsExport': {
    auth: 'ops',
    permission: ['export', 'Dashboard'],
    summary: '导出活动效果的分组转化与提升（触达组、对照组、各版本；含 95% 置信区间，CSV，流式）',
    request: opsCampaignsResultsExportRequest,
    response: csvExportResponse,
    stream: 'csv',
  },
});

import { defineRoutes } from '../api/route.js';
import {
  opsPointsAdjustmentsApproveRequest,
  opsPointsAdjustmentsApproveResponse,
  opsPointsAdjustmentsListRequest,
  opsPointsAdjustmentsListResponse,
  opsPointsAdjustmentsRejectRequest,
  opsPointsAdjustmentsRejectResponse,
  opsPointsAdjustRequest,
  opsPointsAdjustResponse,
  opsPointsLedgerRequest,
  opsPointsLedgerResponse,
} from './points.ops.schema.js';

export const pointsOpsRoutes = defineRoutes({
  'ops.points.ledger': {
    auth: 'ops',
    permission: ['read', 'Member'],
    summary: '会员的积分明细（全部流水，分页，最新在前）',
    request: opsPointsLedgerRequest,
    response: opsPointsLedgerResponse,
  },
  'ops.points.adjust': {
    auth: 'ops',
    permission: ['create', 'PointsAdjustment'],
    summary: '手工调整积分（须填原因；受每日额度限制，超过审批门槛的须另一位运营审批）',
    request: opsPointsAdjustRequest,
    response: opsPointsAdjustResponse,
  },
  'ops.points.adjustments.list': {
    auth: 'ops',
    permission: ['read', 'PointsAdjustment'],
    summary: '积分调整记录与待审批队列（按状态、会员、申请人筛选），以及本人今日额度',
    request: opsPointsAdjustmentsListRequest,
    response: opsPointsAdjustmentsListResponse,
  },
  'ops.points.adjustments.approve': {
    auth: 'ops',
    permission: ['approve', 'PointsAdjustment'],
    summary: '批准积分调整并入账（不能批准自己提交的调整）；重复批准不会重复入账',
    request: opsPointsAdjustmentsApproveRequest,
    response: opsPointsAdjustmentsApproveResponse,
  },
  'ops.points.adjustments.reject': {
    auth: 'ops',
    permission: ['approve', 'PointsAdjustment'],
    summary: '驳回待审批的积分调整（须填原因；不能驳回自己提交的调整）',
    request: opsPointsAdjustmentsRejectRequest,
    response: opsPointsAdjustmentsRejectResponse,
  },
});

import { defineRoutes } from '../api/route.js';
import {
  opsSegmentsCreateRequest,
  opsSegmentsDeleteRequest,
  opsSegmentsDeleteResponse,
  opsSegmentsListRequest,
  opsSegmentsListResponse,
  opsSegmentsPreviewRequest,
  opsSegmentsPreviewResponse,
  opsSegmentsUpdateRequest,
  segmentSchema,
} from './segments.schema.js';

export const segmentsRoutes = defineRoutes({
  'ops.segments.list': {
    auth: 'ops',
    permission: ['read', 'Segment'],
    summary: '会员分群：内置的 RFM 黄金/白银/青铜与运营自定义的分群，各含当前人数',
    request: opsSegmentsListRequest,
    response: opsSegmentsListResponse,
  },
  'ops.segments.preview': {
    auth: 'ops',
    permission: ['read', 'Segment'],
    summary: '按条件试算分群人数（不保存）',
    request: opsSegmentsPreviewRequest,
    response: opsSegmentsPreviewResponse,
  },
  'ops.segments.create': { auth: 'ops', permission: ['create', 'Segment'], summary: '新建分群', request: opsSegmentsCreateRequest, response: segmentSchema },
  'ops.segments.update': { auth: 'ops', permission: ['update', 'Segment'], summary: '修改分群（须基于最新版本）', request: opsSegmentsUpdateRequest, response: segmentSchema },
  'ops.segments.delete': {
    auth: 'ops',
    permission: ['delete', 'Segment'],
    summary: '删除分群（未结束的活动正在使用时不可删除）',
    request: opsSegmentsDeleteRequest,
    response: opsSegmentsDeleteResponse,
  },
});

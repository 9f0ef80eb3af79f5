import { csvExportResponse } from '../api/exports.js';
import { defineRoutes } from '../api/route.js';
import {
  opsWriteoffsExportRequest,
  opsWriteoffsGetRequest,
  opsWriteoffsGetResponse,
  opsWriteoffsListRequest,
  opsWriteoffsListResponse,
} from './writeoff.ops.schema.js';

export const writeoffsOpsRoutes = defineRoutes({
  'ops.writeoffs.list': {
    auth: 'ops',
    permission: ['read', 'Writeoff'],
    summary: '核销记录：按门店、类型与时间筛选，分页（店长只看到本店）',
    request: opsWriteoffsListRequest,
    response: opsWriteoffsListResponse,
  },
  'ops.writeoffs.get': {
    auth: 'ops',
    permission: ['read', 'Writeoff'],
    summary: '一条核销记录（店长只能查看本店的）',
    request: opsWriteoffsGetRequest,
    response: opsWriteoffsGetResponse,
  },
  'ops.writeoffs.export': {
    auth: 'ops',
    permission: ['export', 'Writeoff'],
    summary: '导出核销记录（CSV，流式，会员昵称脱敏；店长只导出本店）',
    request: opsWriteoffsExportRequest,
    response: csvExportResponse,
    stream: 'csv',
  },
});

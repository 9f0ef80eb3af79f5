import { defineRoutes } from '../api/route.js';
import { csvExportResponse } from '../api/exports.js';
import { opsAuditExportRequest, opsAuditListRequest, opsAuditListResponse, opsAuditVerifyRequest, opsAuditVerifyResponse } from './audit.schema.js';

export const auditRoutes = defineRoutes({
  'ops.audit.list': {
    auth: 'ops',
    permission: ['read', 'AuditLog'],
    summary: '审计日志：按操作人、操作、对象与时间筛选，分页',
    request: opsAuditListRequest,
    response: opsAuditListResponse,
  },
  'ops.audit.export': {
    auth: 'ops',
    permission: ['export', 'AuditLog'],
    summary: '导出审计日志（CSV，流式）',
    request: opsAuditExportRequest,
    response: csvExportResponse,
    stream: 'csv',
  },
  'ops.audit.verify': {
    auth: 'ops',
    permission: ['read', 'AuditLog'],
    summary: '校验审计日志的哈希链是否完整',
    request: opsAuditVerifyRequest,
    response: opsAuditVerifyResponse,
  },
});

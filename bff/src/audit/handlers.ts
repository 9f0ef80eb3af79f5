import type { RouteHandlers } from '../http/routeHandler';
import { auditOf } from '../operators/handlers';
import { recordAudit } from './audited';
import { exportAudit } from './exportAudit';
import { listAudit } from './listAudit';
import { verifyAuditChain } from './verifyAuditChain';

export const auditHandlers: Pick<RouteHandlers, 'ops.audit.list' | 'ops.audit.export' | 'ops.audit.verify'> = {
  'ops.audit.list': async (input) => ({ ...(await listAudit(input)), page: input.page, pageSize: input.pageSize }),
  'ops.audit.export': async (input, context) => {
    // An export is itself on the record: who took which part of the log.
    await recordAudit(auditOf(context), { action: 'ops.audit.export', subject: { type: 'AuditLog', id: null }, after: { filters: input } });
    return exportAudit(input);
  },
  'ops.audit.verify': async () => verifyAuditChain(),
};

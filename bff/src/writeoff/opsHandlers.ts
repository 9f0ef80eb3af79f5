import { recordAudit } from '../audit/audited';
import type { RouteHandlers } from '../http/routeHandler';
import { auditOf } from '../operators/handlers';
import { exportWriteoffs } from './exportWriteoffs';
import { listWriteoffsForOps, loadWriteoffForOps } from './listWriteoffsForOps';
import { presentWriteoffForOps } from './presentWriteoffForOps';

export const writeoffsOpsHandlers: Pick<RouteHandlers, 'ops.writeoffs.list' | 'ops.writeoffs.get' | 'ops.writeoffs.export'> = {
  'ops.writeoffs.list': async (input, { operator }) => {
    const { items, total } = await listWriteoffsForOps(input, operator);
    return { items: items.map(presentWriteoffForOps), total, page: input.page, pageSize: input.pageSize };
  },
  'ops.writeoffs.get': async (input, { operator }) => presentWriteoffForOps(await loadWriteoffForOps(input.id, operator)),
  'ops.writeoffs.export': async (input, context) => {
    const csv = await exportWriteoffs(input, context.operator, context.deps.now());
    // An export is on the record: who took which store's write-offs (after the store check, so a refused one is not).
    await recordAudit(auditOf(context), { action: 'ops.writeoffs.export', subject: { type: 'Writeoff', id: null }, after: { filters: input, total: csv.total } });
    return csv;
  },
};

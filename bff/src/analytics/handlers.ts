import { recordAudit } from '../audit/audited';
import type { RouteHandlers } from '../http/routeHandler';
import { auditOf } from '../operators/handlers';
import { exportDaily } from './exportDaily';
import { exportMemberDays } from './exportMemberDays';
import { readDaily } from './readDaily';
import { readFunnel } from './readFunnel';
import { readMemberDays } from './readMemberDays';
import { readSegments } from './readSegments';

type AnalyticsRoutes = 'ops.analytics.daily' | 'ops.analytics.export' | 'ops.analytics.segments' | 'ops.analytics.funnel' | 'ops.analytics.members' | 'ops.analytics.membersExport';

/** The dashboards read rollups and member stats only: no personal data, so reads leave no audit entry; exports do. */
export const analyticsHandlers: Pick<RouteHandlers, AnalyticsRoutes> = {
  'ops.analytics.daily': async (input) => readDaily(input),
  'ops.analytics.export': async (input, context) => {
    const csv = await exportDaily(input);
    await recordAudit(auditOf(context), { action: 'ops.analytics.export', subject: { type: 'Dashboard', id: null }, after: { filters: input, total: csv.total } });
    return csv;
  },
  'ops.analytics.segments': async (_input, { deps }) => readSegments(deps.now()),
  'ops.analytics.funnel': async (input) => readFunnel(input),
  'ops.analytics.members': async (input, { deps }) => readMemberDays(input, deps.now()),
  'ops.analytics.membersExport': async (input, context) => {
    const csv = await exportMemberDays(input, context.deps.now());
    await recordAudit(auditOf(context), { action: 'ops.analytics.membersExport', subject: { type: 'Dashboard', id: null }, after: { filters: input, total: csv.total } });
    return csv;
  },
};

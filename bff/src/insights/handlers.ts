import { recordAudit } from '../audit/audited';
import type { RouteHandlers } from '../http/routeHandler';
import { auditOf } from '../operators/handlers';
import { settingsAt } from '../settings/settingsSource';
import { exportLiability } from './exportLiability';
import { exportSatisfaction } from './exportSatisfaction';
import { readLiability } from './readLiability';
import { readSatisfaction } from './readSatisfaction';

type InsightsRoutes = 'ops.insights.liability' | 'ops.insights.liabilityExport' | 'ops.insights.satisfaction' | 'ops.insights.satisfactionExport';

/** Totals naming nobody: reads leave no audit entry; exports do (what was exported, by whom). */
export const insightsHandlers: Pick<RouteHandlers, InsightsRoutes> = {
  'ops.insights.liability': async (_input, { deps }) => {
    const { now, settings } = await settingsAt(deps);
    return readLiability(now, settings.settings);
  },
  'ops.insights.liabilityExport': async (_input, context) => {
    const { now, settings } = await settingsAt(context.deps);
    const csv = await exportLiability(now, settings.settings);
    await recordAudit(auditOf(context), { action: 'ops.insights.liabilityExport', subject: { type: 'Dashboard', id: null }, after: { total: csv.total } });
    return csv;
  },
  'ops.insights.satisfaction': async (input, { deps }) => readSatisfaction(input, (await settingsAt(deps)).settings.settings),
  'ops.insights.satisfactionExport': async (input, context) => {
    const csv = await exportSatisfaction(input, (await settingsAt(context.deps)).settings.settings);
    await recordAudit(auditOf(context), { action: 'ops.insights.satisfactionExport', subject: { type: 'Dashboard', id: null }, after: { filters: input, total: csv.total } });
    return csv;
  },
};

import { recordAudit } from '../audit/audited';
import type { RouteHandlers } from '../http/routeHandler';
import { auditOf } from '../operators/handlers';
import { settingsAt } from '../settings/settingsSource';
import { ALERTS_LISTED, readAlerts } from './readAlerts';
import { acknowledgeAlert } from './acknowledgeAlert';
import { exportActivity } from './exportActivity';
import { exportKpis } from './exportKpis';
import { presentAlert } from './presentAlert';
import { exportLiability } from './exportLiability';
import { exportSatisfaction } from './exportSatisfaction';
import { readActivity } from './readActivity';
import { readKpis } from './readKpis';
import { readLiability } from './readLiability';
import { readSatisfaction } from './readSatisfaction';

type InsightsRoutes =
  | 'ops.insights.liability'
  | 'ops.insights.liabilityExport'
  | 'ops.insights.satisfaction'
  | 'ops.insights.satisfactionExport'
  | 'ops.insights.kpis'
  | 'ops.insights.kpisExport'
  | 'ops.insights.alerts'
  | 'ops.insights.alertAcknowledge'
  | 'ops.insights.activity'
  | 'ops.insights.activityExport';

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
  'ops.insights.kpis': async (input, { deps }) => readKpis(input, (await settingsAt(deps)).settings.settings),
  'ops.insights.kpisExport': async (input, context) => {
    const csv = await exportKpis(input, (await settingsAt(context.deps)).settings.settings);
    await recordAudit(auditOf(context), { action: 'ops.insights.kpisExport', subject: { type: 'Dashboard', id: null }, after: { filters: input, total: csv.total } });
    return csv;
  },
  'ops.insights.alerts': async (input) => readAlerts(input.state, ALERTS_LISTED),
  'ops.insights.alertAcknowledge': async (input, context) => presentAlert(await acknowledgeAlert(input, context.operator.operatorId, auditOf(context))),
  'ops.insights.activity': async (input) => readActivity(input),
  'ops.insights.activityExport': async (input, context) => {
    const csv = await exportActivity(input);
    await recordAudit(auditOf(context), { action: 'ops.insights.activityExport', subject: { type: 'Dashboard', id: null }, after: { filters: input, total: csv.total } });
    return csv;
  },
};

import type { OpsHandlerContext, RouteHandlers } from '../../http/routeHandler';
import { auditOf } from '../../operators/handlers';
import { memberQueueFor } from '../memberQueue';
import { opsLedger } from '../opsLedger';
import type { AdjustmentContext } from './adjustmentContext';
import { adjustedToday } from './adjustmentLimit';
import { approveAdjustment } from './approveAdjustment';
import { listAdjustments } from './listAdjustments';
import { presentAdjustment } from './presentAdjustment';
import { rejectAdjustment } from './rejectAdjustment';
import { requestAdjustment } from './requestAdjustment';

async function adjustmentContextOf(context: OpsHandlerContext): Promise<AdjustmentContext> {
  const audit = auditOf(context);
  const { operator, deps } = context;
  return {
    now: audit.now,
    settings: await deps.settings.at(audit.now),
    queue: memberQueueFor(deps),
    operator: { id: operator.operatorId, displayName: operator.displayName, ability: operator.ability },
    audit,
  };
}

const viewerOf = ({ operator }: OpsHandlerContext) => ({ id: operator.operatorId, ability: operator.ability });

type PointsOpsRoutes = 'ops.points.ledger' | 'ops.points.adjust' | 'ops.points.adjustments.list' | 'ops.points.adjustments.approve' | 'ops.points.adjustments.reject';

export const pointsOpsHandlers: Pick<RouteHandlers, PointsOpsRoutes> = {
  'ops.points.ledger': async (input) => ({ ...(await opsLedger(input.memberId, input)), page: input.page, pageSize: input.pageSize }),
  'ops.points.adjust': async (input, context) => presentAdjustment(await requestAdjustment(input, await adjustmentContextOf(context)), viewerOf(context)),
  'ops.points.adjustments.list': async (input, context) => {
    const now = context.deps.now();
    const [{ items, total }, settings, usedToday] = await Promise.all([
      listAdjustments(input),
      context.deps.settings.at(now),
      adjustedToday(context.operator.operatorId, now),
    ]);
    const { pointsAdjustmentDailyLimit, pointsAdjustmentApprovalThreshold } = settings.settings.operations;
    return {
      items: items.map((item) => presentAdjustment(item, viewerOf(context))),
      total,
      page: input.page,
      pageSize: input.pageSize,
      limits: { dailyLimit: pointsAdjustmentDailyLimit, usedToday, approvalThreshold: pointsAdjustmentApprovalThreshold },
    };
  },
  'ops.points.adjustments.approve': async (input, context) =>
    presentAdjustment(await approveAdjustment(input.id, await adjustmentContextOf(context)), viewerOf(context)),
  'ops.points.adjustments.reject': async (input, context) =>
    presentAdjustment(await rejectAdjustment(input.id, input.reason, await adjustmentContextOf(context)), viewerOf(context)),
};

import type { RouteHandlers } from '../http/routeHandler';
import { auditOf } from '../operators/handlers';
import { deleteSegment } from './deleteSegment';
import { listSegments } from './listSegments';
import { presentSegment } from './presentSegment';
import { createSegment, updateSegment } from './saveSegment';
import { segmentSizes } from './segmentMembership';

type SegmentRoutes = 'ops.segments.list' | 'ops.segments.preview' | 'ops.segments.create' | 'ops.segments.update' | 'ops.segments.delete';

/** Segments hold conditions and counts, never a member: reads leave no audit entry; every change does. */
export const segmentsHandlers: Pick<RouteHandlers, SegmentRoutes> = {
  'ops.segments.list': async (_input, { deps }) => listSegments(deps.now()),
  'ops.segments.preview': async (input, { deps }) => {
    const [size] = await segmentSizes([input.conditions], deps.now());
    return { size: size ?? 0 };
  },
  'ops.segments.create': async (input, context) => {
    const audit = auditOf(context);
    const created = await createSegment(input, { id: context.operator.operatorId, displayName: context.operator.displayName }, audit);
    const [size] = await segmentSizes([created.conditions], audit.now);
    return presentSegment(created, size ?? 0);
  },
  'ops.segments.update': async (input, context) => {
    const audit = auditOf(context);
    const updated = await updateSegment(input, audit);
    const [size] = await segmentSizes([updated.conditions], audit.now);
    return presentSegment(updated, size ?? 0);
  },
  'ops.segments.delete': async (input, context) => deleteSegment(input, auditOf(context)),
};

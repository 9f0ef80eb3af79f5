import type { RouteHandlers } from '../../http/routeHandler';
import { auditOf } from '../../operators/handlers';
import { hideComment } from './hideComment';
import { listComments } from './listComments';

type SatisfactionOpsRoute = 'ops.satisfaction.comments' | 'ops.satisfaction.moderationComments' | 'ops.satisfaction.hideComment';

/** Comments are moderated text with a masked member id: listing them leaves no audit entry; hiding one does. */
export const satisfactionOpsHandlers: Pick<RouteHandlers, SatisfactionOpsRoute> = {
  'ops.satisfaction.comments': async (input) => listComments(input),
  'ops.satisfaction.moderationComments': async (input) => listComments(input),
  'ops.satisfaction.hideComment': async (input, context) => ({ comment: await hideComment(input, auditOf(context)) }),
};

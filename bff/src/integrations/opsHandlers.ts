import type { QueryFilter } from 'mongoose';
import type { RouteHandlers } from '../http/routeHandler';
import { auditOf } from '../operators/handlers';
import { createIntegration } from './createIntegration';
import { IntegrationModel, type Integration } from './Integration.model';
import { presentIntegrationForOps, presentIntegrationsForOps } from './presentIntegrationForOps';
import { revokeIntegration } from './revokeIntegration';
import { rotateIntegration } from './rotateIntegration';

type IntegrationsRoutes = 'ops.integrations.list' | 'ops.integrations.create' | 'ops.integrations.revoke' | 'ops.integrations.rotate';

export const integrationsOpsHandlers: Pick<RouteHandlers, IntegrationsRoutes> = {
  'ops.integrations.list': async (input, context) => {
    const filter: QueryFilter<Integration> = input.status ? { status: input.status } : {};
    const [items, total] = await Promise.all([
      IntegrationModel.find(filter).sort({ createdAt: -1, _id: -1 }).skip((input.page - 1) * input.pageSize).limit(input.pageSize).lean(),
      IntegrationModel.countDocuments(filter),
    ]);
    return { items: await presentIntegrationsForOps(items, context.deps.now()), total, page: input.page, pageSize: input.pageSize };
  },
  'ops.integrations.create': async (input, context) => {
    const { integration, secret } = await createIntegration(input, context.operator.operatorId, auditOf(context), context.deps.config.SESSION_SECRET);
    return { integration: await presentIntegrationForOps(integration, context.deps.now()), secret };
  },
  'ops.integrations.revoke': async (input, context) => presentIntegrationForOps(await revokeIntegration(input, auditOf(context)), context.deps.now()),
  'ops.integrations.rotate': async (input, context) => {
    const { integration, secret } = await rotateIntegration(input, auditOf(context), context.deps.config.SESSION_SECRET);
    return { integration: await presentIntegrationForOps(integration, context.deps.now()), secret };
  },
};

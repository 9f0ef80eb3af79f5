import type { HandlerContext, RouteHandlers } from '../http/routeHandler';
import { memberQueueFor } from '../points/memberQueue';
import { identifyMember } from './identifyMember';
import type { PosContext } from './posContext';
import { recordPurchase } from './recordPurchase';
import { recordRefund } from './recordRefund';

type PosRoutes = 'pos.identify' | 'pos.purchase' | 'pos.refund';

export async function posContextFrom({ deps }: Pick<HandlerContext, 'deps'>): Promise<PosContext> {
  const now = deps.now();
  return { now, settings: await deps.settings.at(now), settingsSource: deps.settings, secret: deps.config.SESSION_SECRET, hashKey: deps.config.DATA_HASH_KEY, queue: memberQueueFor(deps) };
}

export const posHandlers: Pick<RouteHandlers, PosRoutes> = {
  'pos.identify': async (input, context) => identifyMember(input, context.integration, await posContextFrom(context)),
  'pos.purchase': async (input, context) => recordPurchase(input, context.integration, await posContextFrom(context)),
  'pos.refund': async (input, context) => recordRefund(input, context.integration, await posContextFrom(context)),
};

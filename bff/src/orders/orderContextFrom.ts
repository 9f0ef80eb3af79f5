import type { AppDeps } from '../http/deps';
import { memberQueueFor } from '../points/memberQueue';
import type { OrderContext } from './orderContext';

/** One instant and the settings in force at it, for one command or one job run. */
export async function orderContextFrom(deps: AppDeps): Promise<OrderContext> {
  const now = deps.now();
  return {
    now,
    settings: await deps.settings.at(now),
    settingsSource: deps.settings,
    config: deps.config,
    pay: deps.wechat.pay,
    logger: deps.logger,
    queue: memberQueueFor(deps),
  };
}

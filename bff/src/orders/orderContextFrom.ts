import type { AppDeps } from '../http/deps';
import { memberQueueFor } from '../points/memberQueue';
import type { OrderContext } from './orderContext';

export function orderContextFrom(deps: AppDeps): OrderContext {
  return { now: deps.now(), config: deps.config, pay: deps.wechat.pay, logger: deps.logger, queue: memberQueueFor(deps) };
}

import type { RouteHandlers } from '../http/routeHandler';
import { requireMember } from '../members/requireMember';
import { mySubscriptions } from './mySubscriptions';
import { recordClientChoices } from './recordClientChoices';

export const subscriptionsHandlers: Pick<RouteHandlers, 'subscriptions.mine' | 'subscriptions.record'> = {
  'subscriptions.mine': async (_input, { deps, principal }) => mySubscriptions(requireMember(principal).memberId, deps.config),
  'subscriptions.record': async (input, { deps, principal }) => {
    const { memberId } = requireMember(principal);
    await recordClientChoices(memberId, input, deps.config, deps.now());
    return mySubscriptions(memberId, deps.config);
  },
};

import type { RouteHandlers } from '../http/routeHandler';
import { requireMember } from '../members/requireMember';
import { issueMemberCode } from './issueMemberCode';

export const memberCodeHandlers: Pick<RouteHandlers, 'memberCode.issue'> = {
  'memberCode.issue': async (input, { deps, principal }) =>
    issueMemberCode(requireMember(principal).memberId, input.couponIds, { now: deps.now(), secret: deps.config.SESSION_SECRET }),
};

import type { RouteHandlers } from '../http/routeHandler';
import { requireMember } from '../members/requireMember';
import { assistHelp } from './assistHelp';
import { helpOverview } from './helpOverview';
import { helpPoster } from './helpPoster';
import { startHelp } from './startHelp';
import { viewHelp } from './viewHelp';

export const helpHandlers: Pick<RouteHandlers, 'help.mine' | 'help.start' | 'help.get' | 'help.assist' | 'help.poster'> = {
  'help.mine': async (_input, { deps, principal }) => helpOverview(requireMember(principal).memberId, deps),
  'help.start': async (_input, { deps, principal }) => startHelp(requireMember(principal).memberId, deps),
  'help.get': async (input, { deps, principal }) => viewHelp(input.shareId, principal?.memberId, deps.now()),
  'help.assist': async (input, { deps, koa, principal }) =>
    assistHelp({ shareId: input.shareId, clientIp: koa.ip }, requireMember(principal), deps),
  'help.poster': async (_input, { deps, principal }) => helpPoster(requireMember(principal).memberId, deps),
};

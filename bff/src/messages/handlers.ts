import type { RouteHandlers } from '../http/routeHandler';
import { requireMember } from '../members/requireMember';
import { listMessages } from './listMessages';
import { readMessages } from './readMessages';
import { recordMessageOpened } from './recordMessageOpened';

export const messagesHandlers: Pick<RouteHandlers, 'messages.list' | 'messages.read' | 'messages.opened'> = {
  'messages.list': async (input, { principal }) => listMessages(requireMember(principal).memberId, input.page, input.pageSize),
  'messages.read': async (input, { principal, deps }) => readMessages(requireMember(principal).memberId, input, deps.now()),
  'messages.opened': async (input, { principal, deps }) => recordMessageOpened(requireMember(principal).memberId, input.delivery, input.scene, deps.now()),
};

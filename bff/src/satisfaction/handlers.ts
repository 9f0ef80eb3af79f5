import type { RouteHandlers } from '../http/routeHandler';
import { requireMember } from '../members/requireMember';
import { textCheckContext } from '../moderation/textContext';
import { answerNps, npsMine } from './answerNps';
import { rateSubject, ratingOf } from './rateSubject';

type SatisfactionRoutes = 'satisfaction.rate' | 'satisfaction.ratingOf' | 'satisfaction.nps' | 'satisfaction.npsMine';

export const satisfactionHandlers: Pick<RouteHandlers, SatisfactionRoutes> = {
  'satisfaction.rate': async (input, { principal, deps }) => ({ rating: await rateSubject(requireMember(principal), input, textCheckContext(deps)) }),
  'satisfaction.ratingOf': async (input, { principal }) => ratingOf(requireMember(principal).memberId, input.subject),
  'satisfaction.nps': async (input, { principal, deps }) => ({ answer: await answerNps(requireMember(principal), input, textCheckContext(deps)) }),
  'satisfaction.npsMine': async (_input, { principal, deps }) => npsMine(requireMember(principal).memberId, deps.now()),
};

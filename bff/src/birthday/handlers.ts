import type { RouteHandlers } from '../http/routeHandler';
import { requireMember } from '../members/requireMember';
import { birthdayBenefits } from './birthdayBenefits';
import { claimBenefit } from './claimBenefit';

export const birthdayHandlers: Pick<RouteHandlers, 'birthday.benefits' | 'birthday.claim'> = {
  'birthday.benefits': async (_input, { deps, principal }) => birthdayBenefits(requireMember(principal).memberId, deps.now()),
  'birthday.claim': async (input, { deps, principal }) => claimBenefit(requireMember(principal).memberId, input.packageCode, deps.now()),
};

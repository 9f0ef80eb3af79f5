import type { RouteHandlers } from '../http/routeHandler';
import { requireMember } from '../members/requireMember';
import { birthdayBenefits } from './birthdayBenefits';
import { claimBenefit } from './claimBenefit';
import { settingsAt } from '../settings/settingsSource';

/** The instant and the settings in force the birthday commands work by. */
async function birthdayContext(deps: Parameters<typeof settingsAt>[0]) {
  const { now, settings } = await settingsAt(deps);
  return { now, settings: settings.settings };
}

export const birthdayHandlers: Pick<RouteHandlers, 'birthday.benefits' | 'birthday.claim'> = {
  'birthday.benefits': async (_input, { deps, principal }) => birthdayBenefits(requireMember(principal).memberId, await birthdayContext(deps)),
  'birthday.claim': async (input, { deps, principal }) => claimBenefit(requireMember(principal).memberId, input.packageCode, await birthdayContext(deps)),
};

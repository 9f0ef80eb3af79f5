import type { RouteHandlers } from '../http/routeHandler';
import { requireMember } from '../members/requireMember';
import { describeInvite } from './describeInvite';
import { inviteShareInfo, referralSummary } from './referralSummary';
import { settingsAt } from '../settings/settingsSource';
import { sharePoster } from './sharePoster';

export const referralHandlers: Pick<RouteHandlers, 'referral.mine' | 'referral.invite' | 'referral.poster'> = {
  'referral.invite': async (input, { deps }) => describeInvite(input.code, (await settingsAt(deps)).settings),
  'referral.mine': async (_input, { deps, principal }) =>
    referralSummary(requireMember(principal).memberId, { ...(await settingsAt(deps)), settingsSource: deps.settings }),
  'referral.poster': async (_input, { deps, principal }) =>
    sharePoster(deps.wechat.wxacode, await inviteShareInfo(requireMember(principal).memberId, deps.now())),
};

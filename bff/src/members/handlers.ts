import { toBusinessIso } from '@cakeday/shared';
import type { RouteHandlers } from '../http/routeHandler';
import { tierThresholdsFrom } from '../points/pointsConfig';
import { bindPhone } from './bindPhone';
import { deleteMember } from './deleteMember';
import { describeMember } from './describeMember';
import { exportMemberData } from './exportMemberData';
import { presentMemberProfile } from './presentMember';
import { requireMember } from './requireMember';
import { setBirthday } from './setBirthday';
import { updateProfile } from './updateProfile';

type MemberRoutes = 'members.me' | 'members.update' | 'members.bindPhone' | 'members.setBirthday' | 'members.export' | 'members.delete';

export const membersHandlers: Pick<RouteHandlers, MemberRoutes> = {
  'members.me': async (_input, { deps, principal }) =>
    describeMember(requireMember(principal).memberId, { now: deps.now(), thresholds: tierThresholdsFrom(deps.config) }),
  'members.update': async (input, { deps, principal }) => {
    const now = deps.now();
    return presentMemberProfile(await updateProfile(requireMember(principal).memberId, input, now), now);
  },
  'members.bindPhone': async (input, { deps, principal }) =>
    bindPhone(requireMember(principal), input.code, { phone: deps.wechat.phone, config: deps.config, now: deps.now() }),
  'members.setBirthday': async (input, { deps, principal, koa }) => {
    const now = deps.now();
    const { member, lock } = await setBirthday(requireMember(principal).memberId, input, { now, ip: koa.ip });
    const profile = presentMemberProfile(member, now);
    return {
      birthday: profile.birthday ?? { month: input.month, day: input.day, year: input.year ?? null },
      birthdayLock: { state: lock.state, correctableUntil: lock.correctableUntil ? toBusinessIso(lock.correctableUntil) : null },
    };
  },
  'members.export': async (_input, { deps, principal }) =>
    exportMemberData(requireMember(principal).memberId, { now: deps.now(), thresholds: tierThresholdsFrom(deps.config) }),
  'members.delete': async (_input, { deps, principal }) => {
    await deleteMember(requireMember(principal).memberId, { now: deps.now(), config: deps.config });
    return { deleted: true };
  },
};

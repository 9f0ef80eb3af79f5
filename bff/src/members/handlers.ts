import type { RouteHandlers } from '../http/routeHandler';
import { settingsAt } from '../settings/settingsSource';
import { bindPhone } from './bindPhone';
import { deleteMember } from './deleteMember';
import { describeMember } from './describeMember';
import { exportMemberData } from './exportMemberData';
import { presentBirthdayLock, presentMemberProfile } from './presentMember';
import { textCheckContext } from '../moderation/textContext';
import { requireMember } from './requireMember';
import { setBirthday } from './setBirthday';
import { updateProfile } from './updateProfile';
import { uploadAvatar } from './uploadAvatar';

type MemberRoutes = 'members.me' | 'members.update' | 'members.uploadAvatar' | 'members.bindPhone' | 'members.setBirthday' | 'members.export' | 'members.delete';

export const membersHandlers: Pick<RouteHandlers, MemberRoutes> = {
  'members.me': async (_input, { deps, principal }) => {
    const caller = requireMember(principal);
    const { now, settings } = await settingsAt(deps);
    const context = { now, thresholds: settings.settings.tiers, dataKey: deps.config.DATA_ENCRYPTION_KEY, birthdayRules: settings.settings.birthday };
    return describeMember(caller.memberId, context, caller.member);
  },
  'members.update': async (input, { deps, principal }) => {
    const context = textCheckContext(deps);
    const member = await updateProfile(requireMember(principal), input, context);
    return presentMemberProfile(member, context.now, deps.config.DATA_ENCRYPTION_KEY);
  },
  'members.uploadAvatar': async (input, { deps, principal }) => {
    const context = { ...textCheckContext(deps), publicBaseUrl: deps.config.PUBLIC_BASE_URL };
    const member = await uploadAvatar(requireMember(principal), input.imageBase64, context);
    return presentMemberProfile(member, context.now, deps.config.DATA_ENCRYPTION_KEY);
  },
  'members.bindPhone': async (input, { deps, principal }) =>
    bindPhone(requireMember(principal), input.code, { phone: deps.wechat.phone, config: deps.config, now: deps.now() }),
  'members.setBirthday': async (input, { deps, principal, koa }) => {
    const { now, settings } = await settingsAt(deps);
    const dataKey = deps.config.DATA_ENCRYPTION_KEY;
    const birthdayRules = settings.settings.birthday;
    const { member, lock } = await setBirthday(requireMember(principal).memberId, input, { now, ip: koa.ip, dataKey, birthdayRules });
    const profile = presentMemberProfile(member, now, dataKey, birthdayRules);
    return {
      birthday: profile.birthday ?? { month: input.month, day: input.day, year: input.year ?? null },
      birthdayLock: presentBirthdayLock(lock),
    };
  },
  'members.export': async (_input, { deps, principal }) => {
    const { now, settings } = await settingsAt(deps);
    return exportMemberData(requireMember(principal).memberId, { now, thresholds: settings.settings.tiers, dataKey: deps.config.DATA_ENCRYPTION_KEY });
  },
  'members.delete': async (_input, { deps, principal }) => {
    await deleteMember(requireMember(principal).memberId, { now: deps.now(), config: deps.config, photos: deps.photos });
    return { deleted: true };
  },
};

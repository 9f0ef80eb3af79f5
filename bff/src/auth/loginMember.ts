import type { AuthLoginResponse } from '@cakeday/shared';
import { toBusinessIso } from '@cakeday/shared';
import type { AppDeps } from '../http/deps';
import type { Logger } from '../logger';
import { bindReferral } from '../referral/bindReferral';
import { findOrCreateMember } from './findOrCreateMember';
import type { LoginRateLimiter } from './loginRateLimiter';
import { issueSessionToken } from './sessionToken';

/** code → code2Session (the session_key stays inside the adapter) → member → our own session token. */
export async function loginMember(
  input: { code: string; ip: string; referralCode?: string; shareId?: string },
  context: { deps: AppDeps; limiter: LoginRateLimiter; log: Logger },
): Promise<AuthLoginResponse> {
  const { deps } = context;
  await context.limiter.consumeIp(input.ip);
  const session = await deps.wechat.login.code2Session(input.code);
  await context.limiter.consumeOpenid(session.openid);
  const now = deps.now();
  const { member, isNew } = await findOrCreateMember(session, { config: deps.config, now, log: context.log });
  if (isNew && input.shareId) {
    await bindReferral(
      { inviteeId: member._id.toHexString(), inviteeIsNew: true, inviteeEligible: member.newMemberRewardsEligible, referralCode: input.referralCode, shareId: input.shareId },
      { now, settings: await deps.settings.at(now) },
    ).catch((error: unknown) => context.log.warn({ err: error }, 'referral binding failed; login goes on'));
  }
  const { token, expiresAt } = await issueSessionToken(
    { memberId: member._id.toHexString(), tokenVersion: member.tokenVersion },
    { secret: deps.config.SESSION_SECRET, ttlSeconds: deps.config.SESSION_TTL_SECONDS, now },
  );
  context.log.info({ memberId: member._id.toHexString(), isNew }, 'member logged in');
  return { token, expiresAt: toBusinessIso(expiresAt), member: { id: member._id.toHexString(), isNew } };
}

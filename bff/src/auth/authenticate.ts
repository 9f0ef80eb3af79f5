import { isValidObjectId } from 'mongoose';
import type { Config } from '../config/config';
import { unauthenticated } from '../errors/AppError';
import type { CakedayContext, Principal } from '../http/context';
import type { Authenticator } from '../http/deps';
import { MemberModel } from '../members/Member.model';
import { StaffAllowanceModel } from '../writeoff/StaffAllowance.model';
import { verifySessionToken } from './sessionToken';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Resolves the member from `Authorization: Bearer <token>`: no header → undefined (the route decides);
 * an expired token → 401 SESSION_EXPIRED (the mini-program logs in again silently); anything else wrong,
 * including a revoked token version or a deleted member → 401 UNAUTHENTICATED.
 */
export function createSessionAuthenticator(config: Pick<Config, 'SESSION_SECRET'>, now: () => Date): Authenticator {
  return async (ctx: CakedayContext, role = 'member'): Promise<Principal | undefined> => {
    const header = ctx.get('Authorization');
    if (!header) return undefined;
    const token = BEARER.exec(header)?.[1];
    if (!token) throw unauthenticated();
    const verdict = await verifySessionToken(token, { secret: config.SESSION_SECRET, now: now() });
    if (!verdict.ok) throw unauthenticated(verdict.reason === 'expired' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    if (!isValidObjectId(verdict.claims.memberId)) throw unauthenticated();
    // The whole document, not just the openid: the same indexed read, and handlers reuse it (members.me).
    const member = await MemberModel.findOne({ _id: verdict.claims.memberId, status: 'active', tokenVersion: verdict.claims.tokenVersion }).lean();
    if (!member) throw unauthenticated();
    // Staff are members whose openid ops put on the allow-list (writeoff/StaffAllowance.model.ts).
    const isStaff = role === 'staff' && (await StaffAllowanceModel.exists({ openid: member.openid, active: true })) !== null;
    return { memberId: member._id.toHexString(), openid: member.openid, roles: isStaff ? ['member', 'staff'] : ['member'], member };
  };
}

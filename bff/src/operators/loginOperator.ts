import mongoose from 'mongoose';
import { RateLimiterMongo, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config/config';
import { recordAudit } from '../audit/audited';
import { AppError, tooManyRequests } from '../errors/AppError';
import { decryptPersonalData } from '../members/personalDataCrypto';
import { OperatorModel, type Operator } from './Operator.model';
import { operatorAuditContext } from './operatorAuditContext';
import type { OperatorPolicy } from './operatorPolicy';
import { operatorRequirements } from './operatorRequirements';
import { idleExpiry, openSession } from './operatorSessions';
import { decoyHash, verifyPassword } from './passwords';
import { matchTotp } from './totp';

export interface LoginInput {
  loginName: string;
  password: string;
  totpCode?: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

export interface LoginOutcome {
  operator: Operator;
  token: string;
  requires: { passwordChange: boolean; totpEnrollment: boolean };
  idleExpiresAt: Date;
  expiresAt: Date;
}

// One answer for an unknown name, a wrong password, a disabled or locked account: nothing tells them apart.
const refused = (): AppError => new AppError(401, 'OPS_LOGIN_FAILED');

export type OpsLoginLimiter = (ip: string) => Promise<void>;

/** Per-address attempts, kept in MongoDB so they hold across instances; 429 with the wait. */
export function createOpsLoginLimiter(config: Pick<Config, 'OPS_LOGIN_LIMIT_PER_IP_PER_MINUTE'>): OpsLoginLimiter {
  let limiter: RateLimiterMongo | undefined;
  return async (ip) => {
    limiter ??= new RateLimiterMongo({ storeClient: mongoose.connection, tableName: 'rate_limits', keyPrefix: 'ops_login_ip', points: config.OPS_LOGIN_LIMIT_PER_IP_PER_MINUTE, duration: 60 });
    try {
      await limiter.consume(ip);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw tooManyRequests();
      throw error;
    }
  };
}

/** Counts a failure; the one that reaches the limit locks the account and starts the count again. */
async function countFailure(operator: Operator, policy: OperatorPolicy, now: Date): Promise<void> {
  const counted = await OperatorModel.findOneAndUpdate({ _id: operator._id }, { $inc: { failedLogins: 1 } }, { returnDocument: 'after' }).lean();
  if (counted && counted.failedLogins >= policy.maxFailures) {
    await OperatorModel.updateOne(
      { _id: operator._id, failedLogins: counted.failedLogins },
      { $set: { failedLogins: 0, lockedUntil: new Date(now.getTime() + policy.lockoutMs) } },
    );
  }
}

/**
 * Name + password (+ a TOTP code once two-factor is on) → a new session. Rate-limited per address; consecutive
 * failures lock the account for a while; unknown names cost the same scrypt time as known ones.
 */
export async function loginOperator(
  input: LoginInput,
  context: { config: Config; policy: OperatorPolicy; now: Date; limit: OpsLoginLimiter },
): Promise<LoginOutcome> {
  const { policy, now } = context;
  await context.limit(input.ip ?? 'unknown');
  const operator = await OperatorModel.findOne({ loginName: input.loginName }).lean();
  const passwordOk = await verifyPassword(input.password, operator?.passwordHash ?? (await decoyHash(policy.passwordCost)));
  if (!operator) throw refused();
  const usable = operator.status === 'active' && !(policy.production && operator.devSeeded);
  if (!usable || (operator.lockedUntil && operator.lockedUntil > now)) throw refused();
  if (!passwordOk) {
    await countFailure(operator, policy, now);
    throw refused();
  }
  if (operator.totp.enabled && operator.totp.secretEncrypted) {
    if (!input.totpCode) throw new AppError(401, 'OPS_TOTP_REQUIRED');
    const secret = decryptPersonalData(operator.totp.secretEncrypted, context.config.DATA_ENCRYPTION_KEY);
    const step = matchTotp(secret, input.totpCode, now, operator.totp.lastUsedStep);
    // The step moves forward by compare-and-set: the same code sent twice at once opens one session.
    const used = step !== null && (await OperatorModel.updateOne({ _id: operator._id, 'totp.lastUsedStep': { $lt: step } }, { $set: { 'totp.lastUsedStep': step } })).modifiedCount === 1;
    if (!used) {
      await countFailure(operator, policy, now);
      throw new AppError(401, 'OPS_TOTP_INVALID');
    }
  }
  await OperatorModel.updateOne({ _id: operator._id }, { $set: { failedLogins: 0, lockedUntil: null, lastLoginAt: now } });
  const { token, session } = await openSession(operator._id, policy.session, now, { ip: input.ip, userAgent: input.userAgent });
  const principal = { operatorId: operator._id.toHexString(), displayName: operator.displayName, loginName: operator.loginName, roles: operator.roles };
  await recordAudit(operatorAuditContext(principal, { requestId: input.requestId, ip: input.ip, now }), {
    action: 'ops.login',
    subject: { type: 'Operator', id: principal.operatorId },
  });
  return {
    operator: { ...operator, lastLoginAt: now },
    token,
    requires: operatorRequirements(operator, policy),
    idleExpiresAt: idleExpiry(session, policy.session),
    expiresAt: session.expiresAt,
  };
}

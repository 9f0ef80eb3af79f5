import { totpRequiredForAdmin, type Config } from '../config/config';
import type { PasswordCost } from './passwords';
import type { SessionPolicy } from './operatorSessions';

export interface OperatorPolicy {
  session: SessionPolicy;
  passwordCost: PasswordCost;
  maxFailures: number;
  lockoutMs: number;
  totpRequiredForAdmin: boolean;
  production: boolean;
}

export function operatorPolicyFrom(config: Config): OperatorPolicy {
  return {
    session: { idleMs: config.OPS_SESSION_IDLE_MINUTES * 60_000, absoluteMs: config.OPS_SESSION_ABSOLUTE_HOURS * 3_600_000 },
    passwordCost: { N: config.OPS_PASSWORD_SCRYPT_N, r: 8, p: 1 },
    maxFailures: config.OPS_LOGIN_MAX_FAILURES,
    lockoutMs: config.OPS_LOCKOUT_MINUTES * 60_000,
    totpRequiredForAdmin: totpRequiredForAdmin(config),
    production: config.NODE_ENV === 'production',
  };
}

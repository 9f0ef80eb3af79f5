import { defineOpsAbility } from '@cakeday/shared';
import type { Config } from '../config/config';
import type { CakedayContext, OperatorPrincipal } from '../http/context';
import { OperatorModel } from './Operator.model';
import { operatorPolicyFrom } from './operatorPolicy';
import { operatorRequirements } from './operatorRequirements';
import { idleExpiry, resumeSession } from './operatorSessions';
import { readSessionCookie } from './sessionCookie';

export type OperatorAuthenticator = (ctx: CakedayContext) => Promise<OperatorPrincipal | undefined>;

/**
 * Resolves the operator from the console's session cookie (never from a member's bearer token): undefined when
 * there is no live session or the operator is disabled; the route answers 401.
 */
export function createOperatorAuthenticator(config: Config, now: () => Date): OperatorAuthenticator {
  const policy = operatorPolicyFrom(config);
  return async (ctx) => {
    const token = readSessionCookie(ctx, config);
    if (!token) return undefined;
    const session = await resumeSession(token, policy.session, now());
    if (!session) return undefined;
    const operator = await OperatorModel.findOne({ _id: session.operatorId, status: 'active' }).lean();
    if (!operator || (policy.production && operator.devSeeded)) return undefined;
    const storeId = operator.storeId?.toHexString() ?? null;
    return {
      operatorId: operator._id.toHexString(),
      loginName: operator.loginName,
      displayName: operator.displayName,
      roles: operator.roles,
      storeId,
      ability: defineOpsAbility({ id: operator._id.toHexString(), roles: operator.roles, storeId }),
      requires: operatorRequirements(operator, policy),
      sessionToken: token,
      idleExpiresAt: idleExpiry(session, policy.session),
      expiresAt: session.expiresAt,
    };
  };
}

import type { AuditContext } from '../audit/audited';
import type { OperatorPrincipal } from '../http/context';

/** The audit's view of an operator acting through a request. */
export function operatorAuditContext(
  operator: Pick<OperatorPrincipal, 'operatorId' | 'displayName' | 'loginName' | 'roles'>,
  request: { requestId: string; ip: string | null; now: Date },
): AuditContext {
  return {
    actor: { type: 'operator', id: operator.operatorId, name: `${operator.displayName} (${operator.loginName})`, roles: [...operator.roles] },
    requestId: request.requestId,
    ip: request.ip,
    now: request.now,
  };
}

import { accessibleBy } from '@casl/mongoose';
import { opsSubject, type OpsAction, type OpsSubjectRecord } from '@cakeday/shared';
import { forbidden, notFound } from '../errors/AppError';
import type { OperatorPrincipal } from '../http/context';

type SubjectType = OpsSubjectRecord['__type'];

/**
 * The operator's conditions on a subject type as a query filter (a store manager's `{ storeId }`), to combine with
 * `$and` (never spread: a caller's own field must not replace the condition). null when the rules allow no record
 * at all (CASL's `$expr` answer, which the dev database does not evaluate).
 */
export function accessibleFilter(operator: Pick<OperatorPrincipal, 'ability'>, action: OpsAction, type: SubjectType): Record<string, unknown> | null {
  const filter = accessibleBy(operator.ability, action).ofType(type);
  return '$expr' in filter ? null : filter;
}

/** Combines the operator's conditions with a query's own filter. */
export function withinAccess(access: Record<string, unknown>, filter: Record<string, unknown>): Record<string, unknown> {
  return { $and: [access, filter] };
}

/** One record checked against the operator's conditions; 404 (not 403) so that another store's ids are not confirmed. */
export function assertCanReach(operator: Pick<OperatorPrincipal, 'ability'>, action: OpsAction, type: SubjectType, fields: Omit<OpsSubjectRecord, '__type'>): void {
  if (!operator.ability.can(action, opsSubject(type, fields))) throw notFound();
}

/** A filter the operator named themselves (another store's id in a list): refused outright. */
export function assertCanName(operator: Pick<OperatorPrincipal, 'ability'>, action: OpsAction, type: SubjectType, fields: Omit<OpsSubjectRecord, '__type'>): void {
  if (!operator.ability.can(action, opsSubject(type, fields))) throw forbidden();
}

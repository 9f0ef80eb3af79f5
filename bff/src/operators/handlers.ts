import { Types } from 'mongoose';
import { notFound } from '../errors/AppError';
import type { AppDeps } from '../http/deps';
import type { OpsHandlerContext, RouteHandlers } from '../http/routeHandler';
import { changeOwnPassword } from './changeOwnPassword';
import { createOperator } from './createOperator';
import { listOperators } from './listOperators';
import { createOpsLoginLimiter, loginOperator, type OpsLoginLimiter } from './loginOperator';
import { OperatorModel } from './Operator.model';
import { operatorAuditContext } from './operatorAuditContext';
import { operatorPolicyFrom } from './operatorPolicy';
import { operatorRequirements } from './operatorRequirements';
import { idleExpiry, revokeAllSessions, revokeSession } from './operatorSessions';
import { presentOperator, presentOperators, presentSession } from './presentOperator';
import { resetOperatorPassword } from './resetOperatorPassword';
import { clearSessionCookie, writeSessionCookie } from './sessionCookie';
import { enableTotp, startTotpEnrolment } from './totpEnrolment';
import { updateOperator } from './updateOperator';

const limiters = new WeakMap<AppDeps, OpsLoginLimiter>();
const limiterFor = (deps: AppDeps): OpsLoginLimiter => {
  const limiter = limiters.get(deps) ?? createOpsLoginLimiter(deps.config);
  limiters.set(deps, limiter);
  return limiter;
};

/** The audit context of the operator behind an ops request. */
export const auditOf = ({ operator, requestId, koa, deps }: OpsHandlerContext) =>
  operatorAuditContext(operator, { requestId, ip: koa.ip, now: deps.now() });

async function sessionOf(context: OpsHandlerContext) {
  const operator = await OperatorModel.findById(context.operator.operatorId).lean();
  if (!operator) throw notFound();
  const policy = operatorPolicyFrom(context.deps.config);
  return presentSession(operator, {
    requires: operatorRequirements(operator, policy),
    idleExpiresAt: idleExpiry({ lastSeenAt: context.deps.now(), expiresAt: context.operator.expiresAt }, policy.session),
    expiresAt: context.operator.expiresAt,
  });
}

type OperatorRoutes =
  | 'ops.login'
  | 'ops.logout'
  | 'ops.me'
  | 'ops.changePassword'
  | 'ops.totp.setup'
  | 'ops.totp.enable'
  | 'ops.operators.list'
  | 'ops.operators.create'
  | 'ops.operators.update'
  | 'ops.operators.resetPassword';

export const operatorsHandlers: Pick<RouteHandlers, OperatorRoutes> = {
  'ops.login': async (input, { deps, koa, requestId }) => {
    const policy = operatorPolicyFrom(deps.config);
    const outcome = await loginOperator(
      { ...input, ip: koa.ip, userAgent: koa.get('User-Agent') || null, requestId },
      { config: deps.config, policy, now: deps.now(), limit: limiterFor(deps) },
    );
    writeSessionCookie(koa, deps.config, outcome.token, outcome.expiresAt);
    return presentSession(outcome.operator, outcome);
  },
  'ops.logout': async (input, { deps, koa, operator }) => {
    const now = deps.now();
    if (input.everywhere) await revokeAllSessions(new Types.ObjectId(operator.operatorId), now);
    else await revokeSession(operator.sessionToken, now);
    clearSessionCookie(koa, deps.config);
    return { ok: true };
  },
  'ops.me': async (_input, context) => sessionOf(context),
  'ops.changePassword': async (input, context) => {
    await changeOwnPassword(
      { operatorId: context.operator.operatorId, ...input, sessionToken: context.operator.sessionToken },
      auditOf(context),
      operatorPolicyFrom(context.deps.config).passwordCost,
    );
    return sessionOf(context);
  },
  'ops.totp.setup': async (_input, { deps, operator }) => startTotpEnrolment(operator.operatorId, deps.config.DATA_ENCRYPTION_KEY),
  'ops.totp.enable': async (input, context) => {
    await enableTotp(context.operator.operatorId, input.code, context.deps.config.DATA_ENCRYPTION_KEY, auditOf(context));
    return sessionOf(context);
  },
  'ops.operators.list': async (input) => {
    const { items, total } = await listOperators(input);
    return { items: await presentOperators(items), total, page: input.page, pageSize: input.pageSize };
  },
  'ops.operators.create': async (input, context) => {
    const { operator, password } = await createOperator(input, auditOf(context), operatorPolicyFrom(context.deps.config).passwordCost);
    return { operator: await presentOperator(operator), oneTimePassword: password };
  },
  'ops.operators.update': async (input, context) =>
    presentOperator(await updateOperator(input, context.operator.operatorId, auditOf(context))),
  'ops.operators.resetPassword': async (input, context) => {
    const { operator, password } = await resetOperatorPassword(input, context.operator.operatorId, auditOf(context), operatorPolicyFrom(context.deps.config).passwordCost);
    return { operator: await presentOperator(operator), oneTimePassword: password };
  },
};

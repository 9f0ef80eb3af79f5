import { errorStatus, routeErrorCodes, type RouteName } from '@cakeday/shared';
import { handlers as productionHandlers } from '../api/handlers';
import { AppError } from '../errors/AppError';
import type { HandlerContext, RouteHandlers } from '../http/routeHandler';

const violations: string[] = [];

/** How an error a route's handler threw disagrees with the contract, or null when it agrees. */
export function contractViolation(name: RouteName, error: unknown): string | null {
  if (!(error instanceof AppError)) return null; // a 500, which every route may answer
  if (!routeErrorCodes(name).includes(error.code)) return `${name} answered ${error.code}, which shared/src/api/routeErrors.ts does not list for it`;
  if (error.status !== errorStatus[error.code]) return `${name} answered ${error.code} with ${error.status}; errorStatus in shared/src/errors.ts says ${errorStatus[error.code]}`;
  return null;
}

/**
 * The app's handlers, each noting an error it answers that the contract does not declare for its route (the OpenAPI
 * document is built from the same declarations). Handlers a test put in place of the app's are left alone.
 */
export function checkingDeclaredErrors(handlers: RouteHandlers): RouteHandlers {
  const checked = Object.entries(handlers).map(([name, handler]) => {
    if (handler !== productionHandlers[name as RouteName]) return [name, handler];
    const run = handler as (input: unknown, context: HandlerContext) => Promise<unknown>;
    return [
      name,
      async (input: unknown, context: HandlerContext) => {
        try {
          return await run(input, context);
        } catch (error) {
          const violation = contractViolation(name as RouteName, error);
          if (violation) violations.push(violation);
          throw error;
        }
      },
    ];
  });
  return Object.fromEntries(checked) as RouteHandlers;
}

/** The disagreements noted since the last call. */
export function takeContractViolations(): string[] {
  return violations.splice(0);
}

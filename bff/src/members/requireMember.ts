import { unauthenticated } from '../errors/AppError';
import type { Principal } from '../http/context';

/** Member routes always have a principal (registerRoutes checks); this narrows the type. */
export function requireMember(principal: Principal | undefined): Principal {
  if (!principal) throw unauthenticated();
  return principal;
}

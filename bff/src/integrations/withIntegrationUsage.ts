import { AppError } from '../errors/AppError';
import type { CakedayContext } from '../http/context';
import type { AppDeps } from '../http/deps';
import { countIntegrationRequest } from './integrationStats';

/**
 * Serves an integration route and counts it in its key's daily usage (requests, errors and the last error's code)
 * once the key is known. Counting never changes the answer: a failed count is logged and the request goes on.
 */
export async function withIntegrationUsage(ctx: CakedayContext, deps: Pick<AppDeps, 'now'>, serve: () => Promise<void>): Promise<void> {
  let errorCode: string | null = null;
  try {
    await serve();
  } catch (error) {
    errorCode = error instanceof AppError ? error.code : 'INTERNAL';
    throw error;
  } finally {
    const integrationId = ctx.state.integrationCounted;
    if (integrationId) {
      await countIntegrationRequest(integrationId, { errorCode }, deps.now()).catch((error: unknown) => {
        ctx.state.log.warn({ err: error, integrationId }, 'integration usage not counted');
      });
    }
  }
}

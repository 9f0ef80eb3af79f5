import mongoose from 'mongoose';
import { RateLimiterMongo, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config/config';
import { tooManyRequests } from '../errors/AppError';

/** Requests per integration per minute, across every BFF instance (collection `rate_limits`). */
export interface IntegrationLimiter {
  consume(integrationId: string): Promise<void>;
}

export function createIntegrationLimiter(config: Pick<Config, 'INTEGRATION_LIMIT_PER_MINUTE'>): IntegrationLimiter {
  // Built on first use: the database connection does not exist yet when the app is wired.
  let limiter: RateLimiterMongo | undefined;
  return {
    consume: async (integrationId) => {
      limiter ??= new RateLimiterMongo({ storeClient: mongoose.connection, tableName: 'rate_limits', keyPrefix: 'integration', points: config.INTEGRATION_LIMIT_PER_MINUTE, duration: 60 });
      try {
        await limiter.consume(integrationId);
      } catch (error) {
        if (error instanceof RateLimiterRes) throw tooManyRequests(error.msBeforeNext / 1000);
        throw error;
      }
    },
  };
}

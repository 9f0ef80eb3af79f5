import mongoose from 'mongoose';
import { RateLimiterMongo, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config/config';
import { tooManyRequests } from '../errors/AppError';
import type { AppDeps } from '../http/deps';

export interface HelpRateLimiter {
  consume(memberId: string, ip: string): Promise<void>;
}

const MINUTE_SECONDS = 60;

function createHelpRateLimiter(
  config: Pick<Config, 'HELP_ASSIST_LIMIT_PER_MEMBER_PER_MINUTE' | 'HELP_ASSIST_LIMIT_PER_IP_PER_MINUTE'>,
): HelpRateLimiter {
  // Built on first use: the database connection does not exist yet when the app is wired.
  let limiters: { member: RateLimiterMongo; ip: RateLimiterMongo } | undefined;
  return {
    consume: async (memberId, ip) => {
      limiters ??= {
        member: new RateLimiterMongo({ storeClient: mongoose.connection, tableName: 'rate_limits', keyPrefix: 'help_member', points: config.HELP_ASSIST_LIMIT_PER_MEMBER_PER_MINUTE, duration: MINUTE_SECONDS }),
        ip: new RateLimiterMongo({ storeClient: mongoose.connection, tableName: 'rate_limits', keyPrefix: 'help_ip', points: config.HELP_ASSIST_LIMIT_PER_IP_PER_MINUTE, duration: MINUTE_SECONDS }),
      };
      try {
        await limiters.ip.consume(ip);
        await limiters.member.consume(memberId);
      } catch (error) {
        if (error instanceof RateLimiterRes) throw tooManyRequests();
        throw error;
      }
    },
  };
}

const byDeps = new WeakMap<AppDeps, HelpRateLimiter>();

/** One limiter per app instance; the counts live in MongoDB so they hold across instances. */
export function helpRateLimiterFor(deps: AppDeps): HelpRateLimiter {
  const existing = byDeps.get(deps);
  if (existing) return existing;
  const created = createHelpRateLimiter(deps.config);
  byDeps.set(deps, created);
  return created;
}

import mongoose from 'mongoose';
import { RateLimiterMongo, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config/config';
import { tooManyRequests } from '../errors/AppError';

export interface LoginRateLimiter {
  consumeIp(ip: string): Promise<void>;
  consumeOpenid(openid: string): Promise<void>;
}

const MINUTE_SECONDS = 60;

async function consume(limiter: RateLimiterMongo, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw tooManyRequests(error.msBeforeNext / 1000);
    throw error;
  }
}

/** Limits kept in MongoDB (collection `rate_limits`), so they hold across every BFF instance. */
export function createLoginRateLimiter(config: Pick<Config, 'LOGIN_LIMIT_PER_IP_PER_MINUTE' | 'LOGIN_LIMIT_PER_OPENID_PER_MINUTE'>): LoginRateLimiter {
  // Built on first use: the database connection does not exist yet when the app is wired.
  let limiters: { ip: RateLimiterMongo; openid: RateLimiterMongo } | undefined;
  const get = (): { ip: RateLimiterMongo; openid: RateLimiterMongo } => {
    limiters ??= {
      ip: new RateLimiterMongo({ storeClient: mongoose.connection, tableName: 'rate_limits', keyPrefix: 'login_ip', points: config.LOGIN_LIMIT_PER_IP_PER_MINUTE, duration: MINUTE_SECONDS }),
      openid: new RateLimiterMongo({ storeClient: mongoose.connection, tableName: 'rate_limits', keyPrefix: 'login_openid', points: config.LOGIN_LIMIT_PER_OPENID_PER_MINUTE, duration: MINUTE_SECONDS }),
    };
    return limiters;
  };
  return {
    consumeIp: (ip) => consume(get().ip, ip),
    consumeOpenid: (openid) => consume(get().openid, openid),
  };
}

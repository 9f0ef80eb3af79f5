import mongoose from 'mongoose';
import { RateLimiterMongo, RateLimiterRes } from 'rate-limiter-flexible';
import { tooManyRequests } from '../errors/AppError';

/** Client event batches a caller (member, or address for visitors) may send a minute. */
export const EVENT_BATCHES_PER_MINUTE = 30;

export type EventsRateLimiter = (callerKey: string) => Promise<void>;

export function createEventsRateLimiter(): EventsRateLimiter {
  let limiter: RateLimiterMongo | undefined;
  return async (callerKey) => {
    limiter ??= new RateLimiterMongo({ storeClient: mongoose.connection, tableName: 'rate_limits', keyPrefix: 'events', points: EVENT_BATCHES_PER_MINUTE, duration: 60 });
    try {
      await limiter.consume(callerKey);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw tooManyRequests(error.msBeforeNext / 1000);
      throw error;
    }
  };
}

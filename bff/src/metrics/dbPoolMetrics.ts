import type { mongo } from 'mongoose';
import { dbPoolCheckoutFailures, dbPoolCheckoutWait, dbPoolConnections, dbPoolMaxConnections } from './metrics';

const DEFAULT_MAX_POOL_SIZE = 100;

/**
 * Follows the driver's connection pool events (CMAP): open and checked-out connections, checkout waits and failures.
 * Attach before the client connects, so that every connection it opens is counted.
 */
export function watchConnectionPool(client: mongo.MongoClient): void {
  const open = dbPoolConnections.labels({ state: 'open' });
  const inUse = dbPoolConnections.labels({ state: 'in_use' });
  dbPoolMaxConnections.set(client.options.maxPoolSize || DEFAULT_MAX_POOL_SIZE);
  // The pool serves waiting operations in order, so the oldest start belongs to the next checkout.
  const waitStarts: bigint[] = [];
  client.on('connectionCreated', () => open.inc());
  client.on('connectionClosed', () => open.dec());
  client.on('connectionCheckOutStarted', () => {
    waitStarts.push(process.hrtime.bigint());
  });
  client.on('connectionCheckedOut', () => {
    inUse.inc();
    const startedAt = waitStarts.shift();
    if (startedAt !== undefined) dbPoolCheckoutWait.observe(Number(process.hrtime.bigint() - startedAt) / 1e9);
  });
  client.on('connectionCheckOutFailed', (event) => {
    waitStarts.shift();
    dbPoolCheckoutFailures.inc({ reason: String(event.reason) });
  });
  client.on('connectionCheckedIn', () => inUse.dec());
}

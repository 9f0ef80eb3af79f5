import mongoose from 'mongoose';
import { watchConnectionPool } from '../metrics/dbPoolMetrics';

const PING_TIMEOUT_MS = 1500;

/**
 * Connects the default mongoose connection. No `serverApi` (the dev database has no `hello`),
 * and no transactions anywhere: see ../shared/mongo-compat.md.
 */
export async function connectDatabase(uri: string): Promise<typeof mongoose> {
  mongoose.set('strictQuery', true);
  const connecting = mongoose.connect(uri, {
    serverSelectionTimeoutMS: 5000,
    heartbeatFrequencyMS: 2000,
  });
  // mongoose creates the driver's client before connecting it: the pool is watched from its first connection.
  watchConnectionPool(mongoose.connection.getClient());
  const connected = await connecting;
  await Promise.all(Object.values(mongoose.models).map((model) => model.init()));
  return connected;
}

/** Answers within 1.5 s whether the database responds to a ping. */
export async function pingDatabase(): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db || mongoose.connection.readyState !== mongoose.ConnectionStates.connected) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
  });
  const ping = db
    .admin()
    .command({ ping: 1 })
    .then(() => true)
    .catch(() => false);
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}

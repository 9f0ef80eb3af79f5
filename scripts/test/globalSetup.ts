import { startDatabase } from '../devdb';

/** Starts the run's in-memory database (or uses MONGODB_URI) and hands its URI to every worker. */
export default async function globalSetup(): Promise<void> {
  const database = await startDatabase({ backend: 'memory' });
  process.env.CAKEDAY_TEST_MONGODB_URI = database.uri;
  (globalThis as { __cakedayDatabase__?: typeof database }).__cakedayDatabase__ = database;
}

import path from 'node:path';
import mongoose from 'mongoose';
import { uniqueDatabaseUri } from '../../../scripts/test/databaseUri';
import { connectDatabase } from '../db/database';

/**
 * Gives the calling test file its own database on the run's server, with every model's indexes
 * built, and drops it afterwards. Returns the database URI (for extra connections or processes).
 */
export function useTestDatabase(): { uri: () => string } {
  let uri = '';
  beforeAll(async () => {
    uri = uniqueDatabaseUri(path.basename(expect.getState().testPath ?? 'test', '.test.ts'));
    await connectDatabase(uri);
  });
  afterAll(async () => {
    await mongoose.connection.dropDatabase().catch(() => undefined);
    await mongoose.disconnect();
  });
  return { uri: () => uri };
}

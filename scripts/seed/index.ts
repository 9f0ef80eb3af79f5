import mongoose from 'mongoose';
import { demoHistorySeeder } from './demoHistorySeeder';
import { seeders } from './seeders';

/**
 * Upserts the demo data by natural keys, so running it again changes nothing. `history` adds a few months of
 * activity for 3,000 members (dashboards, segments, a campaign's results): `npm run dev` and the console's e2e ask
 * for it; the mini-program's journeys, the bench and the fuzzer do not (their campaigns would reach those members).
 */
export async function seedDemoData(uri: string, log: (line: string) => void = console.log, options: { history?: boolean } = {}): Promise<void> {
  const connection = await mongoose.createConnection(uri).asPromise();
  try {
    for (const seeder of options.history ? [...seeders, demoHistorySeeder] : seeders) {
      const summary = await seeder.run(connection);
      log(`seed: ${seeder.name}: ${summary}`);
    }
  } finally {
    await connection.close();
  }
}

if (require.main === module) {
  const uri = process.env.MONGODB_URI;
  if (!uri) {
    console.error('seed: set MONGODB_URI (npm run dev seeds its own database automatically)');
    process.exit(2);
  }
  seedDemoData(uri).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

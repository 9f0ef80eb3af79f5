import mongoose from 'mongoose';
import { seeders } from './seeders';

/** Upserts the demo data by natural keys, so running it again changes nothing. */
export async function seedDemoData(uri: string, log: (line: string) => void = console.log): Promise<void> {
  const connection = await mongoose.createConnection(uri).asPromise();
  try {
    for (const seeder of seeders) {
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

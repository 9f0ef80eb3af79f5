import type { Connection } from 'mongoose';
import { demoMemberSeeder } from './demoMemberSeeder';
import { birthdaySeeder } from './birthdaySeeder';
import { mallSeeder } from './mallSeeder';
import { operatorSeeder } from './operatorSeeder';
import { communitySeeder } from './communitySeeder';

export interface Seeder {
  name: string;
  /** Idempotent: upserts by natural keys; returns a one-line summary. */
  run(connection: Connection): Promise<string>;
}

/** Demo data for `npm run dev`, in dependency order. Features append their seeders here. */
export const seeders: Seeder[] = [
  demoMemberSeeder,
  birthdaySeeder,
  mallSeeder,
  operatorSeeder,
  communitySeeder,
];

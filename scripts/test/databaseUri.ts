import { randomBytes } from 'node:crypto';

/** The run's database server (started by the jest global setup, or MONGODB_URI). */
export function testServerUri(): string {
  const uri = process.env.CAKEDAY_TEST_MONGODB_URI ?? process.env.MONGODB_URI;
  if (!uri) throw new Error('No test database: run the tests through jest (global setup) or set MONGODB_URI');
  return uri;
}

/** A fresh database name on the test server, unique to one test file. */
export function uniqueDatabaseUri(label: string): string {
  const name = `cakeday_${label.replace(/[^a-z0-9]/gi, '_').slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  const url = new URL(testServerUri());
  url.pathname = `/${name}`;
  return url.toString();
}

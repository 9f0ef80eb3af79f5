import path from 'node:path';
import mongoose from 'mongoose';
import { connectDatabase } from '../../bff/src/db/database';
import { startDatabase, type RunningDatabase } from '../devdb';
import { seedDemoData } from '../seed';
import { startWechatSandbox, type RunningWechatSandbox } from '../wechat-sandbox';
import { startBuiltBff, type RunningBff } from './bffProcess';
import { freePort } from './freePort';
import { generateBenchSecrets, productionBffEnv, type BenchSecrets } from './productionEnv';

export interface BenchStack {
  database: RunningDatabase;
  mongoUri: string;
  sandbox: RunningWechatSandbox;
  secrets: BenchSecrets;
  bffs: RunningBff[];
  /** The raw driver's handle on the bench database (the same connection seeds through the BFF's models). */
  db: mongoose.mongo.Db;
  stop(): Promise<void>;
}

export interface StackOptions {
  instances: number;
  artifactsDir: string;
  cpuProfileDir?: string;
  /** The BFF entry of every instance, or one per instance (an A/B comparison runs two builds side by side). */
  bffEntry?: string | readonly string[];
  /** WeChat Pay's notification retries run this much faster than WeChat's schedule (chaos: 0.01). */
  payTimeScale?: number;
  /** Settings every instance gets on top of the production configuration (the chaos run's campaign engine). */
  bffEnv?: Record<string, string>;
  log: (line: string) => void;
}

/**
 * The whole stack on loopback: the in-memory database, the WeChat sandbox (knowing the bench's own mini-program and
 * merchant), the demo data, and `instances` built BFFs in production mode. Stops everything it started.
 */
export async function startBenchStack(options: StackOptions): Promise<BenchStack> {
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const database = await startDatabase({ backend: 'memory', log: () => undefined });
    stops.push(() => database.stop());
    const uri = new URL(database.uri);
    uri.pathname = '/cakeday-bench';
    // The embedded database answers one command at a time: a bulk seed on a loaded machine can keep it busy for longer
    // than the driver's 30 s heartbeat timeout, which would interrupt every connection (full-scale dashboard.query).
    uri.searchParams.set('connectTimeoutMS', '300000');
    const mongoUri = uri.toString();
    await seedDemoData(mongoUri, () => undefined);

    const secrets = generateBenchSecrets();
    const sandbox = await startWechatSandbox({ apps: [secrets.app], pay: { keys: secrets.payKeys, timeScale: options.payTimeScale }, sms: { accounts: [secrets.smsAccount] } });
    stops.push(() => sandbox.stop());

    const bffs: RunningBff[] = [];
    // Stops whichever process runs as instance `index` by then (chaos restarts replace them).
    stops.push(async () => {
      for (const bff of bffs) await bff.stop();
    });
    for (let index = 0; index < options.instances; index += 1) {
      const env = { ...productionBffEnv(secrets, { port: await freePort(), metricsPort: await freePort(), mongoUri, sandboxUrl: sandbox.url, jobsEnabled: true }), ...options.bffEnv };
      const bff = await startBuiltBff({ env, logFile: path.join(options.artifactsDir, `bff-${index + 1}.log`), cpuProfileDir: options.cpuProfileDir, entry: typeof options.bffEntry === 'string' ? options.bffEntry : options.bffEntry?.[index] });
      bffs.push(bff);
      options.log(`bench: BFF ${index + 1} (production build) at ${bff.url}, metrics ${bff.metricsUrl}`);
    }

    await connectDatabase(mongoUri);
    stops.push(() => mongoose.disconnect());
    const db = mongoose.connection.db;
    if (!db) throw new Error('bench: no database handle');
    return { database, mongoUri, sandbox, secrets, bffs, db, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

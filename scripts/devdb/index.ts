import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ensureLauncherJar } from './jar';

export { DevDatabaseToolchainError } from './jar';

export type DatabaseBackend = 'memory' | 'file';

export interface StartDatabaseOptions {
  backend: DatabaseBackend;
  /** H2 file for the `file` backend. */
  file?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Ignore MONGODB_URI (the database's own tests use this). */
  ignoreEnvironment?: boolean;
  /** Receives the server's log (stderr) instead of this process's stderr. */
  log?: (text: string) => void;
}

export interface RunningDatabase {
  uri: string;
  /** Whether this process started the server (false when MONGODB_URI points elsewhere). */
  embedded: boolean;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;

/**
 * Starts the embedded MongoDB-compatible server (mongo-java-server behind our launcher),
 * or, when MONGODB_URI is set, starts nothing and hands that URI back.
 */
export async function startDatabase(options: StartDatabaseOptions): Promise<RunningDatabase> {
  const external = process.env.MONGODB_URI;
  if (external && !options.ignoreEnvironment) {
    return { uri: external, embedded: false, stop: async () => undefined };
  }
  const jar = ensureLauncherJar();
  const args = ['-jar', jar, '--port', String(options.port ?? 0)];
  if (options.backend === 'file') {
    if (!options.file) throw new Error('startDatabase: the file backend needs a file path');
    mkdirSync(path.dirname(path.resolve(options.file)), { recursive: true });
    args.push('--file', path.resolve(options.file));
  } else {
    args.push('--memory');
  }
  const child = spawn('java', ['-XX:+UseSerialGC', '-Xss512k', ...args], { stdio: ['ignore', 'pipe', options.log ? 'pipe' : 'inherit'] });
  const { log } = options;
  if (log) child.stderr?.on('data', (chunk: Buffer) => log(chunk.toString()));
  const uri = await readConnectionString(child);
  return { uri, embedded: true, stop: () => stopChild(child) };
}

function readConnectionString(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('devdb: the database did not report ready within 60 s'));
    }, READY_TIMEOUT_MS);
    lines.once('line', (line) => {
      clearTimeout(timer);
      if (line.startsWith('mongodb://')) resolve(line.trim());
      else reject(new Error(`devdb: unexpected first line from the launcher: ${line}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`devdb: the database exited with code ${code} before it was ready`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    // 'close' comes after 'exit' once the output pipes are drained: nothing the server wrote is lost.
    child.once('close', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

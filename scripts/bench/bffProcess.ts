import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
/** The built BFF (`npm run build`): what `npm start` runs in production. */
export const BUILT_BFF = path.join(ROOT, 'bff/dist/main.js');

export interface RunningBff {
  /** How it was started: `startBuiltBff(bff.launch)` starts it again on the same ports (chaos restarts). */
  launch: BffLaunch;
  url: string;
  metricsUrl: string;
  logFile: string;
  child: ChildProcess;
  /** SIGTERM (the BFF drains and exits, writing its CPU profile if asked to), then waits for the exit. */
  stop(): Promise<void>;
  /** SIGKILL: the process dies at once, mid-request (chaos). */
  kill(): Promise<void>;
}

export interface BffLaunch {
  env: Record<string, string>;
  logFile: string;
  /** Writes a V8 CPU profile into this folder when the process exits. */
  cpuProfileDir?: string;
  /** Default: the built BFF. */
  entry?: string;
  /** Appends to the log file instead of starting it afresh (a restart). */
  appendLog?: boolean;
  /** How long it may take to answer /readyz (default 60 s; a chaos restart on a loaded machine takes longer). */
  readyTimeoutMs?: number;
}

async function waitUntilReady(url: string, child: ChildProcess, logFile: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the BFF exited with code ${child.exitCode}; see ${logFile}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the BFF at ${url} was not ready within ${timeoutMs / 1000} s; see ${logFile}`);
}

/** Starts `node bff/dist/main.js` with its JSON log going to a file, as a process manager would, and waits for /readyz. */
export async function startBuiltBff(launch: BffLaunch): Promise<RunningBff> {
  const entry = launch.entry ?? BUILT_BFF;
  if (!existsSync(entry)) throw new Error(`${path.relative(ROOT, entry)} is missing: run \`npm run build\` first`);
  mkdirSync(path.dirname(launch.logFile), { recursive: true });
  const log = openSync(launch.logFile, launch.appendLog ? 'a' : 'w');
  const nodeArgs = launch.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${launch.cpuProfileDir}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, entry], { env: { PATH: process.env.PATH ?? '', ...launch.env }, stdio: ['ignore', log, log] });
  closeSync(log);
  const url = `http://127.0.0.1:${launch.env.PORT}`;
  try {
    await waitUntilReady(url, child, launch.logFile, launch.readyTimeoutMs);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const exited = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
  return {
    launch,
    url,
    metricsUrl: `http://127.0.0.1:${launch.env.METRICS_PORT}/metrics`,
    logFile: launch.logFile,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
    kill: async () => {
      child.kill('SIGKILL');
      await exited();
    },
  };
}

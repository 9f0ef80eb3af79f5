import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';

export interface RunningSidecar {
  pid: number;
  /** SIGKILL, with the BFF instance it belongs to. */
  kill(): Promise<void>;
  /** SIGTERM: it finishes its round and exits. */
  stop(): Promise<void>;
}

const SIDECAR = path.join(__dirname, 'dispatchSidecar.ts');

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Starts dispatchSidecar.ts in one node process (tsx as a loader, so a SIGKILL leaves no child behind). */
export function startDispatchSidecar(env: Record<string, string>, logFile: string): RunningSidecar {
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', SIDECAR], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', log, log] });
  closeSync(log);
  if (child.pid === undefined) throw new Error('chaos: the dispatch sidecar did not start');
  return {
    pid: child.pid,
    kill: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}

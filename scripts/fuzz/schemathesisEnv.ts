import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Pinned: a newer schemathesis may add checks or change its options; move it on purpose. */
export const SCHEMATHESIS_VERSION = '4.32.5';

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`fuzz: ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/**
 * schemathesis in a Python virtual environment of its own, outside the repository (in the user's cache, one per
 * version), installed on first use from PyPI: `python3 -m venv` needs Debian's python3-venv (.ci/run installs it).
 * Returns the schemathesis executable.
 */
export function ensureSchemathesis(log: (line: string) => void): string {
  const cacheHome = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  const venv = process.env.CAKEDAY_FUZZ_VENV ?? path.join(cacheHome, 'cakeday', `schemathesis-${SCHEMATHESIS_VERSION}`);
  const executable = path.join(venv, 'bin', 'schemathesis');
  if (existsSync(executable)) return executable;
  log(`fuzz: installing schemathesis ${SCHEMATHESIS_VERSION} into ${venv}`);
  run('python3', ['-m', 'venv', '--clear', venv]);
  run(path.join(venv, 'bin', 'pip'), ['install', '--quiet', `schemathesis==${SCHEMATHESIS_VERSION}`]);
  return executable;
}

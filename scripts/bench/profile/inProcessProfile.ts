import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { CpuProfile } from './summariseProfile';

/** The file name prefix of a profile of the bench's own process (the BFFs' are named by node --cpu-prof). */
export const IN_PROCESS_PREFIX = 'bench-process-';

/**
 * Runs `work` under the V8 profiler of this process and writes the profile to `file`: for what a scenario runs in the
 * bench's process (the campaign engine, as a BFF instance's job would run it), which `--cpu-prof` on the BFFs misses.
 */
export async function profileInProcess<T>(file: string, work: () => Promise<T>): Promise<T> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

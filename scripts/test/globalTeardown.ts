import type { RunningDatabase } from '../devdb';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __cakedayDatabase__?: RunningDatabase }).__cakedayDatabase__?.stop();
}

import { spawn } from 'node:child_process';
import path from 'node:path';
import { useTestDatabase } from './test/database';

const mainFile = path.join(__dirname, 'main.ts');

function startBff(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), mainFile], {
    env: { ...process.env, LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the BFF process', () => {
  const database = useTestDatabase();

  it('refuses to start on a bad configuration and names the variable', async () => {
    const bff = startBff({ MONGODB_URI: 'postgres://nope' });
    expect(await bff.exited).toBe(1);
    expect(bff.output()).toMatch(/MONGODB_URI: must be a mongodb/);
  });

  it('starts, then stops cleanly on SIGTERM', async () => {
    const bff = startBff({ MONGODB_URI: database.uri() });
    await waitFor(() => bff.output().includes('cakeday bff listening'), 20_000);
    bff.child.kill('SIGTERM');
    expect(await bff.exited).toBe(0);
    expect(bff.output()).toContain('"msg":"stopped"');
  });
});

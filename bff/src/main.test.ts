import { spawn } from 'node:child_process';
import path from 'node:path';
import { useTestDatabase } from './test/database';

const mainFile = path.join(__dirname, 'main.ts');

function startBff(env: NodeJS.ProcessEnv) {
  // Node itself runs main.ts (tsx as a loader), so SIGTERM reaches the BFF directly rather than through tsx's CLI relay,
  // which under load can exit 143 before it learns that its child handles the signal.
  const child = spawn(process.execPath, ['--import', 'tsx', mainFile], {
    env: { ...process.env, LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer): void => {
    output += chunk.toString();
    listeners.forEach((listener) => listener());
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  /** Resolves when the output contains `text`; rejects if the process exits first. */
  const printed = (text: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (!output.includes(text)) return;
        listeners.delete(check);
        resolve();
      };
      listeners.add(check);
      check();
      void exited.then((code) => reject(new Error(`the BFF exited (${code}) before printing ${text}:\n${output}`)));
    });
  return { child, exited, printed, output: () => output };
}

// Each test starts tsx, which compiles main.ts first: slow on a busy machine, so only jest's generous timeout bounds it.
describe('the BFF process', () => {
  const database = useTestDatabase();

  it('refuses to start on a bad configuration and names the variable', async () => {
    const bff = startBff({ MONGODB_URI: 'postgres://nope' });
    expect(await bff.exited).toBe(1);
    expect(bff.output()).toMatch(/MONGODB_URI: must be a mongodb/);
  }, 180_000);

  it('starts, then stops cleanly on SIGTERM', async () => {
    const bff = startBff({ MONGODB_URI: database.uri() });
    await bff.printed('cakeday bff listening');
    bff.child.kill('SIGTERM');
    expect(await bff.exited).toBe(0);
    expect(bff.output()).toContain('"msg":"stopped"');
  }, 180_000);
});

import { spawnSync } from 'node:child_process';
import path from 'node:path';

const consoleDir = path.resolve(__dirname, '..');

/**
 * The console's production build into `outDir`, for a BFF started with OPS_CONSOLE_DIST=outDir to serve under
 * /console/. Each e2e stack builds into its own folder: the stacks run side by side.
 */
export function buildConsole(outDir: string, label: string): void {
  console.log(`${label}: building the console (production build)...`);
  const vite = path.join(path.dirname(require.resolve('vite/package.json', { paths: [consoleDir] })), 'bin/vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: consoleDir, encoding: 'utf8' });
  if (build.status !== 0) {
    console.error(build.stdout, build.stderr);
    throw new Error(`${label}: the console build failed`);
  }
}

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  formatKilobytes,
  judgeMainPackage,
  MAIN_PACKAGE_GOAL_BYTES,
  MAIN_PACKAGE_LIMIT_BYTES,
  measurePackages,
  type BuiltFile,
} from './packageSizes';

const miniapp = path.resolve(__dirname, '..');
const output = path.join(miniapp, 'dist/weapp');

function listFiles(folder: string, prefix = ''): BuiltFile[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    const absolute = path.join(folder, entry.name);
    if (entry.isDirectory()) return listFiles(absolute, relative);
    // Source maps and licence notes are not uploaded with the package.
    if (/\.(map|LICENSE\.txt)$/.test(entry.name)) return [];
    return [{ path: relative, bytes: statSync(absolute).size }];
  });
}

/** `npm run size`: the production weapp build's main package and subpackages, against WeChat's limits. */
function main(): void {
  const build = spawnSync(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'weapp'], {
    cwd: miniapp,
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    console.error(build.stdout, build.stderr);
    console.error('size: the production weapp build failed');
    process.exit(1);
  }
  const appJson = JSON.parse(readFileSync(path.join(output, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }> };
  const sizes = measurePackages(listFiles(output), (appJson.subPackages ?? []).map((subpackage) => subpackage.root));

  console.log(`weapp main package: ${formatKilobytes(sizes.mainBytes)} (goal ${formatKilobytes(MAIN_PACKAGE_GOAL_BYTES)}, limit ${formatKilobytes(MAIN_PACKAGE_LIMIT_BYTES)})`);
  for (const subpackage of sizes.subpackages) console.log(`  subpackage ${subpackage.root}: ${formatKilobytes(subpackage.bytes)}`);

  const verdict = judgeMainPackage(sizes.mainBytes);
  if (verdict === 'over-limit') {
    console.error('size: the main package is over WeChat\'s 2 MB limit');
    process.exit(1);
  }
  if (verdict === 'over-goal') console.warn('size: warning: the main package is over our 700 KB goal');
}

main();

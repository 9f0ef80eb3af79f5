import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const launcherDir = path.join(__dirname, 'launcher');
const jarPath = path.join(launcherDir, 'target', 'devdb.jar');
const stampPath = path.join(launcherDir, 'target', 'devdb.sources.sha256');

export class DevDatabaseToolchainError extends Error {}

function listSources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? listSources(full) : [full];
  });
}

function sourcesHash(): string {
  const hash = createHash('sha256');
  const files = [path.join(launcherDir, 'pom.xml'), ...listSources(path.join(launcherDir, 'src'))].sort();
  for (const file of files) {
    hash.update(path.relative(launcherDir, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function commandWorks(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return result.error === undefined && result.status === 0;
}

/** Builds the launcher jar on first use and whenever its sources change; reuses it otherwise. */
export function ensureLauncherJar(): string {
  const wanted = sourcesHash();
  if (existsSync(jarPath) && existsSync(stampPath) && readFileSync(stampPath, 'utf8') === wanted) {
    return jarPath;
  }
  if (!commandWorks('java', ['-version']) || !commandWorks('mvn', ['-v'])) {
    throw new DevDatabaseToolchainError(
      'The embedded database needs a JDK (17 or newer) and Maven: install them ' +
        '(Debian: apt-get install -y openjdk-17-jdk-headless maven), ' +
        'or set MONGODB_URI to use a real MongoDB instead.',
    );
  }
  process.stderr.write('devdb: building the embedded database launcher with Maven (first use only)...\n');
  // Maven's output is kept off stdout, whose first line must be the connection string.
  const build = spawnSync('mvn', ['-q', '-B', '-Dstyle.color=never', 'package'], { cwd: launcherDir, encoding: 'utf8' });
  if (build.status !== 0 || !existsSync(jarPath)) {
    process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}`);
    throw new DevDatabaseToolchainError(`devdb: the Maven build in ${launcherDir} failed (exit ${build.status}).`);
  }
  writeFileSync(stampPath, wanted);
  return jarPath;
}

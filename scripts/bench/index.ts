import path from 'node:path';
import { ROOT } from './bffProcess';
import { parseBenchOptions, USAGE } from './options';
import { runBench } from './runBench';

/** `npm run bench`: builds first (the root script), then measures the production build; see USAGE. */
async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    console.log(USAGE);
    return;
  }
  const options = parseBenchOptions(process.argv.slice(2), path.join(ROOT, '.artifacts/bench'));
  const outcome = await runBench(options);
  console.log(`\n${outcome.table}`);
  if (outcome.profile) console.log(`\nCPU profile of the BFF instances (self time):\n${outcome.profile}`);
  console.log(`\nreport: ${path.relative(ROOT, outcome.artifacts.json)}, chart: ${path.relative(ROOT, outcome.artifacts.svg)}`);
  const failed = outcome.report.checks.filter((check) => !check.ok);
  if (failed.length > 0) {
    console.error(`bench: ${failed.length} check(s) failed`);
    process.exitCode = 1;
  } else if (options.failOnRegression && (outcome.comparison?.regressions.length ?? 0) > 0) {
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});

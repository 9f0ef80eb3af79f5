import path from 'node:path';
import { startProcess } from '../dev/processes';

const root = path.resolve(__dirname, '../..');

/** The independent e2e suites: each starts its own database, BFF and browser, so they run side by side. */
const SUITES = [
  { name: 'miniapp', runner: 'miniapp/e2e/run.ts' },
  { name: 'console', runner: 'console/e2e/run.ts' },
];

interface Outcome {
  name: string;
  code: number | null;
  seconds: number;
}

function runSuite(name: string, runner: string): Promise<Outcome> {
  const started = Date.now();
  const suite = startProcess(`e2e:${name}`, process.execPath, [require.resolve('tsx/cli'), path.join(root, runner)], {});
  return new Promise((resolve) => {
    suite.child.once('exit', (code) => resolve({ name, code, seconds: Math.round((Date.now() - started) / 1000) }));
  });
}

/** `npm run test:e2e`: the mini-program's journeys and the console's journey in parallel; fails if either fails. */
async function main(): Promise<void> {
  const outcomes = await Promise.all(SUITES.map((suite) => runSuite(suite.name, suite.runner)));
  for (const outcome of outcomes) console.log(`e2e: ${outcome.name} ${outcome.code === 0 ? 'passed' : `FAILED (exit ${outcome.code})`} in ${outcome.seconds} s`);
  if (outcomes.some((outcome) => outcome.code !== 0)) process.exit(1);
}

void main();

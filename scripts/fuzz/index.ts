import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startFuzzStack, type FuzzStack } from './fuzzStack';
import { ensureSchemathesis } from './schemathesisEnv';

const root = path.resolve(__dirname, '../..');
const reportDir = path.join(root, '.artifacts', 'fuzz');

/**
 * What is checked on every answer: no 5xx, the status is one the route documents, the content type and the body
 * match the documented response (errors included: `{ error: { code, message } }` with a code the route declares).
 */
const CHECKS = ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_schema_conformance'];

interface FuzzPass {
  name: string;
  /** Operation ids (route names) this pass covers. */
  include: string;
  /** Routes that would end this pass's own session (the rest would then only see 401s). */
  exclude: string[];
  header: (stack: FuzzStack) => string;
  /** A route this pass's session must still be able to call afterwards (else its routes were tested logged out). */
  sessionProbe: string;
}

const PASSES: FuzzPass[] = [
  {
    name: 'member',
    include: '^(?!ops\\.)',
    exclude: ['auth.logout', 'members.delete'],
    header: (stack) => `Authorization: ${stack.memberAuthorization}`,
    sessionProbe: 'members.me',
  },
  {
    name: 'operator',
    include: '^ops\\.',
    exclude: ['ops.logout', 'ops.changePassword'],
    header: (stack) => `Cookie: ${stack.operatorCookie}`,
    sessionProbe: 'ops.me',
  },
];

/** Whether the pass's session still works: a pass whose session died midway has tested its routes logged out. */
async function sessionAlive(stack: FuzzStack, pass: FuzzPass): Promise<boolean> {
  const [name, ...value] = pass.header(stack).split(': ');
  const response = await fetch(`${stack.url}/api/${pass.sessionProbe}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [name ?? '']: value.join(': ') },
    body: '{}',
  });
  return response.status === 200;
}

/**
 * Runs schemathesis with its report kept in `logFile`, not on the terminal: its closing line imitates pytest's
 * ("=== 2 warnings in 37.84s ==="), which a CI log reader takes for a test run that ran nothing.
 */
function runSchemathesis(executable: string, args: string[], logFile: string): Promise<number> {
  const log = openSync(logFile, 'w');
  return new Promise<number>((resolve, reject) => {
    const child = spawn(executable, args, { stdio: ['ignore', log, log], env: { ...process.env, NO_COLOR: '1' } });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  }).finally(() => closeSync(log));
}

/** What a pass tested, from schemathesis's summary ("Tested: 79", "9948 generated, 9948 passed"). */
function summariseReport(report: string): string {
  const operations = /^\s*Tested:\s*(\d+)/m.exec(report)?.[1];
  const cases = /^\s*(\d+) generated, (.+)$/m.exec(report);
  if (!operations || !cases) return 'no summary in the report';
  return `${operations} operations, ${cases[1]} generated cases: ${cases[2]?.trim()}`;
}

/**
 * `npm run fuzz`: schemathesis against the BFF's /openapi.json, every member route with a logged-in member's token
 * and every ops route with the demo admin's session, a bounded number of examples per route (a fixed seed: a CI
 * failure replays with the same --seed). Exits non-zero on any failed check.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'max-examples': { type: 'string' }, seed: { type: 'string' }, only: { type: 'string' } } });
  const maxExamples = values['max-examples'] ?? '10';
  const seed = values.seed ?? '18';
  const executable = ensureSchemathesis(console.log);
  mkdirSync(reportDir, { recursive: true });
  const stack = await startFuzzStack();
  const outcomes: { pass: string; code: number }[] = [];
  try {
    for (const pass of PASSES.filter((candidate) => !values.only || candidate.name === values.only)) {
      console.log(`fuzz: ${pass.name} routes against ${stack.url}/openapi.json`);
      const logFile = path.join(reportDir, `${pass.name}.log`);
      const code = await runSchemathesis(executable, [
        'run',
        `${stack.url}/openapi.json`,
        '--checks', CHECKS.join(','),
        '--phases', 'examples,coverage,fuzzing',
        '--max-examples', maxExamples,
        '--seed', seed,
        '--workers', '2',
        '--request-timeout', '30',
        '--generation-database', 'none',
        '--suppress-health-check', 'too_slow,filter_too_much',
        '--include-operation-id-regex', pass.include,
        ...pass.exclude.flatMap((operation) => ['--exclude-operation-id', operation]),
        '--header', pass.header(stack),
        '--report', 'junit',
        '--report-junit-path', path.join(reportDir, `${pass.name}.junit.xml`),
        '--no-color',
      ], logFile);
      const report = readFileSync(logFile, 'utf8');
      if (code !== 0) process.stdout.write(report);
      console.log(`fuzz: ${pass.name} routes: ${summariseReport(report)} (report: ${path.relative(root, logFile)})`);
      const alive = await sessionAlive(stack, pass);
      if (!alive) console.error(`fuzz: the ${pass.name} session no longer answers ${pass.sessionProbe}: its routes were tested logged out`);
      outcomes.push({ pass: pass.name, code: alive ? code : code || 1 });
    }
  } finally {
    await stack.stop();
  }
  for (const outcome of outcomes) console.log(`fuzz: ${outcome.pass} routes ${outcome.code === 0 ? 'passed' : `FAILED (schemathesis exit ${outcome.code})`}`);
  if (outcomes.some((outcome) => outcome.code !== 0)) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

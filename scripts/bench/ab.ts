import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './bffProcess';
import { memberHeaders, seedMembers } from './fixtures/members';
import { timedLoad, type TimedLoad } from './load/timedLoad';
import { ResponseTally } from './load/measurement';
import { scrape, serverStatsBetween } from './report/serverStats';
import { startBenchStack } from './stack';

/**
 * Two builds side by side on one stack (instance A and instance B), measured in alternating short windows, so that
 * both meet the same background load: a before/after comparison that holds on a busy machine.
 *   tsx scripts/bench/ab.ts --a <before>/main.js --b bff/dist/main.js [--rounds 6] [--seconds 4]
 * Route: members.me (100 connections, 2,000 members); add others to ROUTES.
 */
const ROUTES: Record<string, { path: string; body: string; members: number }> = {
  'members.me': { path: '/api/members.me', body: '{}', members: 2000 },
};

interface Side {
  tally: ResponseTally;
  seconds: number;
  cpuSeconds: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { a: { type: 'string' }, b: { type: 'string' }, route: { type: 'string' }, rounds: { type: 'string' }, seconds: { type: 'string' } } });
  const routeName = values.route ?? 'members.me';
  const route = ROUTES[routeName];
  if (!values.a || !values.b || !route) throw new Error(`usage: --a FILE --b FILE [--route ${Object.keys(ROUTES).join('|')}] [--rounds N] [--seconds N]`);
  const rounds = Number(values.rounds ?? 6);
  const seconds = Number(values.seconds ?? 4);
  const stack = await startBenchStack({ instances: 2, artifactsDir: path.join(ROOT, '.artifacts/bench-ab'), bffEntry: [values.a, values.b], log: console.log });
  const sides: Side[] = [0, 1].map(() => ({ tally: new ResponseTally((status) => status === 200), seconds: 0, cpuSeconds: 0 }));
  try {
    const members = await seedMembers({ group: 200, count: route.members, points: 1000 }, stack.secrets, new Date());
    const load = (target: number): TimedLoad => ({
      targets: [stack.bffs[target]?.url ?? ''],
      path: route.path,
      method: 'POST',
      connections: 100,
      seconds,
      body: route.body,
      request: (n) => ({ headers: memberHeaders(members[n % members.length] ?? members[0]!) }),
    });
    for (const target of [0, 1]) await timedLoad({ ...load(target), seconds: 2 });
    for (let round = 0; round < rounds; round += 1) {
      // A then B in even rounds, B then A in odd ones: neither always goes first.
      for (const target of round % 2 === 0 ? [0, 1] : [1, 0]) {
        const metricsUrl = [stack.bffs[target]?.metricsUrl ?? ''];
        const before = await scrape(metricsUrl);
        const side = sides[target] as Side;
        const counted = side.tally.latenciesMs.length;
        const measured = await timedLoad(load(target), side.tally);
        side.cpuSeconds += serverStatsBetween(before, await scrape(metricsUrl)).cpuSeconds;
        side.seconds += measured.seconds;
        const answered = side.tally.latenciesMs.length - counted;
        console.log(`round ${round + 1} ${target === 0 ? 'A' : 'B'}: ${(answered / measured.seconds).toFixed(1)} req/s`);
      }
    }
  } finally {
    await stack.stop();
  }
  for (const [index, side] of sides.entries()) {
    const total = side.tally.measurement(side.seconds);
    const cpu = total.requests > 0 ? ((side.cpuSeconds * 1000) / total.requests).toFixed(2) : '0';
    console.log(`${index === 0 ? 'A' : 'B'} ${index === 0 ? values.a : values.b}: ${total.requestsPerSecond} req/s, p50 ${total.latencyMs.p50} ms, p95 ${total.latencyMs.p95} ms, p99 ${total.latencyMs.p99} ms, errors ${total.errors}, BFF cpu ${cpu} ms/request`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

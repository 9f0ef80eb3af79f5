import { parseArgs } from 'node:util';
import { runChaos } from './runChaos';

/** `npm run chaos [-- --trials 20 --seed 7]`: exits non-zero on any broken invariant. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { trials: { type: 'string' }, seed: { type: 'string' }, workers: { type: 'string' } } });
  const seed = Number(values.seed ?? Date.now() % 100_000);
  const outcome = await runChaos({ trials: Number(values.trials ?? 20), killEveryMs: [1500, 4000], workers: Number(values.workers ?? 16), seed, log: console.log });
  console.log(`\nchaos (seed ${seed}): ${outcome.kills} instances killed, ${outcome.faults} fault bursts`);
  for (const [name, total] of Object.entries(outcome.requests).sort()) console.log(`  ${name.padEnd(28)} ${total}`);
  console.log('\ncampaign deliveries (WeChat\'s outbox judges "no message sent twice"):');
  for (const [name, total] of Object.entries(outcome.deliveries)) console.log(`  ${name.padEnd(28)} ${total}`);
  console.log('\nchecked:');
  for (const [name, total] of Object.entries(outcome.invariants.checked)) console.log(`  ${name.padEnd(28)} ${total}`);
  if (outcome.invariants.violations.length === 0) {
    console.log('\nevery invariant holds');
    return;
  }
  console.error(`\n${outcome.invariants.violations.length} VIOLATION(S):`);
  for (const violation of outcome.invariants.violations) console.error(`  ${violation.invariant}: ${violation.detail}`);
  process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});

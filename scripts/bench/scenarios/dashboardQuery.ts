import { DAILY_COUNTERS, LIFECYCLE_STAGES } from '@cakeday/shared';
import type mongoose from 'mongoose';
import { businessDaysFrom } from '../../../bff/src/analytics/businessDays';
import { SEGMENT_SIZES_ID } from '../../../bff/src/analytics/SegmentSizes.model';
import { seedEventsAndRollups, seedSegmentedMembers } from '../fixtures/analytics';
import { consoleHeaders, operatorSession } from '../fixtures/operators';
import { closedLoop } from '../load/closedLoop';
import { against, scaled, type BenchContext, type BenchRow, type Scenario } from '../scenario';

const CONNECTIONS = 20;
const MEMBERS = 100_000;
const EVENTS = 1_000_000;
const GROUP = 7;

type Reads = (db: mongoose.mongo.Db, now: Date) => Promise<unknown>;

/** ops.analytics.daily's and .funnel's read through the raw driver: the range's rollups by their day keys (keep in step with readDaily.ts, readFunnel.ts). */
const rollupsOf =
  (range: { from: string; to: string }, projection?: mongoose.mongo.Document): Reads =>
  (db) =>
    db.collection<{ _id: string }>('analytics_daily').find({ _id: { $in: businessDaysFrom(range.from, range.to) } }, { projection }).toArray();

/** ops.analytics.segments' read through the raw driver: the segment job's snapshot by its key (keep in step with bff/src/analytics/readSegments.ts). */
const segmentReads: Reads = (db) => db.collection<{ _id: string }>('analytics_segment_sizes').findOne({ _id: SEGMENT_SIZES_ID });

/** One dashboard route against its floor: the raw driver doing the same reads at the same concurrency. */
async function measureRoute(context: BenchContext, route: string, body: object, cookie: string, reads: Reads): Promise<BenchRow[]> {
  const floorMeasurement = await closedLoop({ concurrency: CONNECTIONS, seconds: context.seconds, requests: context.requests, operation: async () => {
      await reads(context.db, new Date());
    },
  });
  const floor: BenchRow = { name: `${route} floor`, kind: 'floor', connections: CONNECTIONS, instances: 0, measurement: floorMeasurement };
  const measurement = await context.timed(route, {
    targets: context.bff.slice(0, 1),
    path: `/api/${route}`,
    method: 'POST',
    connections: CONNECTIONS,
    headers: consoleHeaders(cookie),
    body: JSON.stringify(body),
  });
  return [against({ name: route, kind: 'route', connections: CONNECTIONS, instances: 1, measurement }, floor), floor];
}

/**
 * dashboard.query: the operations dashboard (daily counters and the birthday funnel over a year of daily rollups,
 * the segment sizes the segment job counted) for an analyst, on 100,000 members and 1,000,000 events seeded in bulk:
 * every read is bounded by design (a range of day keys, one keyed snapshot), whatever the members and events.
 */
export const dashboardQueryScenario: Scenario = {
  name: 'dashboard.query',
  summary: 'ops.analytics.daily / segments / funnel as an analyst, 20 connections, 100,000 members and 1,000,000 events; floors: the raw driver doing the same reads',
  instances: 1,
  group: GROUP,
  async run(context) {
    const members = scaled(MEMBERS, context.scale);
    const startedAt = Date.now();
    const seededByStage = await seedSegmentedMembers(context.db, GROUP, members, context.now);
    const range = await seedEventsAndRollups(context.db, scaled(EVENTS, context.scale), context.now);
    context.log(`bench: dashboard.query: seeded ${members} members and ${scaled(EVENTS, context.scale)} events in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    const cookie = await operatorSession(context.bff[0] ?? '', ['analyst'], context.now);

    const rows = [
      ...(await measureRoute(context, 'ops.analytics.daily', range, cookie, rollupsOf(range, Object.fromEntries(DAILY_COUNTERS.map((name) => [name, 1]))))),
      ...(await measureRoute(context, 'ops.analytics.segments', {}, cookie, segmentReads)),
      ...(await measureRoute(context, 'ops.analytics.funnel', { funnel: 'birthday', ...range }, cookie, rollupsOf(range, { funnels: 1 }))),
    ];

    // The answer covers what was seeded. Other scenarios' members gain stats while the bench runs (the BFFs' event
    // consumers), so the snapshot is checked against the seeded cohort, not against a live count taken later.
    const answer = await fetch(new URL('/api/ops.analytics.segments', context.bff[0]), { method: 'POST', headers: { ...consoleHeaders(cookie), 'content-type': 'application/json' }, body: '{}' });
    const segments = (await answer.json()) as { members: number; stages: { stage: string; members: number }[] };
    const scenario = 'dashboard.query';
    const staged = segments.stages.reduce((sum, stage) => sum + stage.members, 0);
    const stagesShort = segments.stages.filter((stage) => stage.members < (seededByStage.get(stage.stage) ?? 0)).map((stage) => stage.stage);
    return {
      rows,
      checks: [
        { scenario, name: 'segments count every seeded member', ok: segments.members >= members, detail: `expected at least ${members}, got ${segments.members}` },
        { scenario, name: 'every stage counts its seeded members', ok: segments.stages.length === LIFECYCLE_STAGES.length && stagesShort.length === 0, detail: `short: ${stagesShort.join(', ') || 'none'}; stages ${segments.stages.length}` },
        { scenario, name: 'stages add up to no more than the members', ok: staged <= segments.members, detail: `stages ${staged}, members ${segments.members}` },
      ],
    };
  },
};

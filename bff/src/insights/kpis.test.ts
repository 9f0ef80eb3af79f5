import { businessInstant, DEFAULT_PROGRAM_SETTINGS } from '@cakeday/shared';
import { DailyRollupModel } from '../analytics/DailyRollup.model';
import { AuditEntryModel } from '../audit/AuditEntry.model';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { saveTestSettings } from '../test/settings';
import { InsightsDayModel } from './InsightsDay.model';

useTestDatabase();
const clock = { now: businessInstant('2026-11-29T10:00:00') };
let app: TestApp;
let analyst: string;

// Each test crafts its own days.
beforeEach(async () => {
  await Promise.all([DailyRollupModel.deleteMany({}), InsightsDayModel.deleteMany({})]);
});

beforeAll(async () => {
  app = buildTestApp({ now: () => clock.now });
  analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
});

const range = { from: '2026-11-27', to: '2026-11-29' };
const kpis = () => app.http.post('/api/ops.insights.kpis').set('Cookie', analyst).send(range);
type KpiBody = { kpi: string; measured: boolean; value: number | null; target: number; met: boolean | null; sample: number; days: { day: string; value: number | null }[] };
const kpiOf = (body: { kpis: KpiBody[] }, name: string) => body.kpis.find((kpi) => kpi.kpi === name);

/** Crafted rollups: two days with activity, one without; a day outside the range that must not count. */
async function craftRollups(): Promise<void> {
  await DailyRollupModel.create([
    { _id: '2026-11-27', funnels: { birthday: { reach: 300, open: 200, claim: 60, use: 30 } }, applied: [] },
    { _id: '2026-11-29', funnels: { birthday: { reach: 100, open: 80, claim: 30, use: 15 } }, applied: [] },
    { _id: '2026-11-26', funnels: { birthday: { reach: 10_000, open: 0, claim: 0, use: 0 } }, applied: [] },
  ]);
  await InsightsDayModel.create([
    {
      _id: '2026-11-27',
      counts: {
        nps: { promoter: 40, passive: 20, detractor: 10 },
        messagesSent: { wechat: 500, sms: 100 },
        messagesFailed: { errcode_43101: 50 },
        messagesSkipped: { cap: 250 },
      },
      applied: [],
    },
    { _id: '2026-11-29', counts: { nps: { promoter: 20, passive: 5, detractor: 5 }, messagesSent: { wechat: 50 }, messagesSkipped: { quiet_hours: 50 } }, applied: [] },
  ]);
}

describe('ops.insights.kpis', () => {
  it('computes each measured KPI over the range and per day from the daily rollups, with the target in force', async () => {
    await craftRollups();
    await saveTestSettings(app.deps, { insights: { targets: { ...DEFAULT_PROGRAM_SETTINGS.insights.targets, nps: 50 } } }, { from: new Date('2026-01-01T00:00:00Z') });

    const response = await kpis();
    expect(response.status).toBe(200);
    // 90 of 400 reached claimed: 22.5%, under the 25% floor.
    expect(kpiOf(response.body, 'birthdayParticipation')).toEqual({
      kpi: 'birthdayParticipation',
      measured: true,
      value: 225,
      target: 250,
      met: false,
      sample: 400,
      days: [
        { day: '2026-11-27', value: 200 },
        { day: '2026-11-28', value: null },
        { day: '2026-11-29', value: 300 },
      ],
    });
    // 45 of 90 who claimed used it.
    expect(kpiOf(response.body, 'benefitRedemption')).toMatchObject({ value: 500, target: 500, met: true, sample: 90 });
    // Sent 650 of 1000 meant (failed 50, skipped 300).
    expect(kpiOf(response.body, 'messageReach')).toMatchObject({ value: 650, target: 700, met: false, sample: 1000 });
    expect(kpiOf(response.body, 'messageReach')?.days.map((day) => day.value)).toEqual([666, null, 500]);
    // (60 − 15) / 100 answers: NPS 45, under the edited target of 50.
    expect(kpiOf(response.body, 'nps')).toMatchObject({ value: 45, target: 50, met: false, sample: 100 });
    // A KPI with nothing to measure in the range (no campaign cost) still shows its target.
    expect(kpiOf(response.body, 'campaignRoi')).toMatchObject({ measured: true, value: null, target: 1000, met: null });
    expect(response.body.kpis.map((kpi: KpiBody) => kpi.kpi)).toHaveLength(9);
    expect(response.body.kpis.every((kpi: KpiBody) => kpi.measured)).toBe(true);
    expect(response.body.campaigns).toEqual([]);
    expect(response.body.basis).toEqual({ retentionWindowDays: 30, ...DEFAULT_PROGRAM_SETTINGS.insights.costs });
  });

  it('exports the daily values and the targets as CSV, and records who exported', async () => {
    await craftRollups();
    const csv = await app.http.post('/api/ops.insights.kpisExport').set('Cookie', analyst).send(range);
    expect(csv.status).toBe(200);
    expect((csv.text as string).replace(/^\uFEFF/, '').trim().split('\r\n')).toEqual([
      '日期,生日礼参与率,生日 GMV 占比,生日月留存提升,NPS,消息触达率,生日权益完成率,复购率,权益核销率,活动 ROI',
      '2026-11-27,20.0%,—,—,42.9,66.6%,—,—,50.0%,—',
      '2026-11-28,—,—,—,—,—,—,—,—,—',
      '2026-11-29,30.0%,—,—,50.0,50.0%,—,—,50.0%,—',
      // The NPS target saved by the test before is in force; a cell starting with + is quoted against formula injection.
      "目标,25.0%,3.0%,'+5.0 个百分点,50.0,70.0%,98.0%,30.0%,50.0%,100.0%",
    ]);
    expect(await AuditEntryModel.countDocuments({ action: 'ops.insights.kpisExport', outcome: 'applied' })).toBe(1);
  });

  it('401 without an operator; 403 for a store manager; 400 for a reversed range', async () => {
    expect((await app.http.post('/api/ops.insights.kpis').send(range)).status).toBe(401);
    const manager = await opsCookieFor(app.http, await buildOperator({ roles: ['store_manager'] }));
    expect((await app.http.post('/api/ops.insights.kpis').set('Cookie', manager).send(range)).status).toBe(403);
    expect((await app.http.post('/api/ops.insights.kpis').set('Cookie', analyst).send({ from: '2026-11-29', to: '2026-11-27' })).status).toBe(400);
  });
});

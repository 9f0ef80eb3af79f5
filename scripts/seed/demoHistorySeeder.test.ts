import mongoose from 'mongoose';
import { buildTestApp } from '../../bff/src/test/app';
import { useTestDatabase } from '../../bff/src/test/database';
import { buildOperator, opsCookieFor } from '../../bff/src/test/operatorFactories';
import { DEMO_CAMPAIGN_ID, DEMO_HISTORY_MEMBERS, simulateDemoHistory } from './demoHistory';
import { demoHistorySeeder } from './demoHistorySeeder';

useTestDatabase();

describe('the demo history', () => {
  it('is the same history for the same seed', () => {
    const now = new Date('2026-11-29T02:00:00Z');
    const a = simulateDemoHistory(now);
    const b = simulateDemoHistory(now);
    expect(a.events.length).toBe(b.events.length);
    expect(a.events.slice(0, 50)).toEqual(b.events.slice(0, 50));
  });

  it('gives the analyst a birthday funnel, every lifecycle stage, silent gold members and a campaign whose lift is real; a second run adds nothing', async () => {
    // How long the seeding takes is CI's concern (the console e2e seeds it on every run), not an assertion here: a
    // wall-clock bound failed on a loaded 2-core machine without anything being wrong.
    expect(await demoHistorySeeder.run(mongoose.connection)).toContain(`${DEMO_HISTORY_MEMBERS} members`);
    const { http } = buildTestApp();
    const analyst = await opsCookieFor(http, await buildOperator({ roles: ['analyst'] }));
    const call = (name: string, body: object) => http.post(`/api/${name}`).set('Cookie', analyst).send(body);

    const segments = (await call('ops.analytics.segments', {})).body;
    for (const stage of segments.stages) expect([stage.stage, stage.members > 0]).toEqual([stage.stage, true]);
    const today = new Date();
    const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const funnel = (await call('ops.analytics.funnel', { funnel: 'birthday', from: day(-89), to: day(0) })).body.steps.map((step: { members: number }) => step.members);
    expect(funnel[0]).toBeGreaterThan(funnel[1]);
    expect(funnel[1]).toBeGreaterThan(funnel[2]);
    expect(funnel[2]).toBeGreaterThan(funnel[3]);
    expect(funnel[3]).toBeGreaterThan(0);

    const sleepingGold = (await call('ops.segments.preview', { conditions: { stages: ['silent'], tiers: ['gold'] } })).body;
    expect(sleepingGold.size).toBeGreaterThan(10);

    const results = (await call('ops.campaigns.results', { id: DEMO_CAMPAIGN_ID })).body;
    expect(results.lift.difference).toBeGreaterThan(0);
    expect(results.holdout.members).toBeGreaterThan(50);
    expect(results.gmvFen).toBeGreaterThan(0);
    expect(results.variants.map((variant: { key: string }) => variant.key)).toEqual(['plain', 'warm']);
    expect(results.funnel.slice(0, 3).map((step: { members: number }) => step.members > 0)).toEqual([true, true, true]);

    // The plan KPIs the history measures: birthday-month GMV, repurchase, retention lift, benefit completion.
    const kpis = (await call('ops.insights.kpis', { from: day(-89), to: day(0) })).body.kpis as { kpi: string; value: number | null }[];
    const kpi = (name: string) => kpis.find((entry) => entry.kpi === name)?.value;
    expect(kpi('birthdayGmvShare')).toBeGreaterThan(0);
    expect(kpi('repurchase')).toBeGreaterThan(0);
    expect(kpi('birthdayRetentionLift')).not.toBeNull();
    expect(kpi('birthdayBenefitCompletion')).toBe(1000);

    expect(await demoHistorySeeder.run(mongoose.connection)).toBe('already there');
    expect(await mongoose.connection.collection('members').countDocuments({})).toBe(DEMO_HISTORY_MEMBERS);
  }, 120_000);
});

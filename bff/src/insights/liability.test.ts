import { businessInstant } from '@cakeday/shared';
import { DailyRollupModel } from '../analytics/DailyRollup.model';
import { spendPoints } from '../points/spendPoints';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildPointsLot } from '../test/factories';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { saveTestSettings } from '../test/settings';
import { LiabilitySnapshotModel } from './LiabilitySnapshot.model';
import { snapshotLiability } from './snapshotLiability';

useTestDatabase();
const clock = { now: businessInstant('2026-11-29T10:00:00') };
let app: TestApp;
let analyst: string;

beforeAll(async () => {
  app = buildTestApp({ now: () => clock.now });
  analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
});

const liability = () => app.http.post('/api/ops.insights.liability').set('Cookie', analyst).send({});

describe('ops.insights.liability', () => {
  it('outstanding points by the Shanghai month they expire in, valued at the measured redemption rate', async () => {
    // Points expire at the end of the year after the one they were earned in (points.lifetimeYears 1).
    const { member } = await buildPointsLot({ points: 500, earnedAt: businessInstant('2025-06-01T12:00:00') });
    await buildPointsLot({ member, points: 1000, earnedAt: businessInstant('2026-03-01T12:00:00') });
    await spendPoints({ memberId: member._id.toHexString(), points: 200, idempotencyKey: 'liability-spend', reasonCode: 'mall_redeem', reason: '兑换', reference: null }, { now: clock.now });
    await buildPointsLot({ points: 300, earnedAt: businessInstant('2026-11-01T12:00:00') });
    // The last year's rollups: 10,000 issued, 6,500 redeemed → 65%; a day older than a year does not count.
    await DailyRollupModel.create([
      { _id: '2026-01-10', pointsIssued: 6_000, pointsRedeemed: 4_000, funnels: { birthday: {} }, applied: [] },
      { _id: '2026-11-29', pointsIssued: 4_000, pointsRedeemed: 2_500, funnels: { birthday: {} }, applied: [] },
      { _id: '2025-11-29', pointsIssued: 90_000, pointsRedeemed: 0, funnels: { birthday: {} }, applied: [] },
    ]);
    await saveTestSettings(app.deps, { insights: { liability: { fenPerThousandPoints: 800, assumedRedemptionPermille: 600 } } }, { from: new Date('2026-01-01T00:00:00Z') });

    const response = await liability();
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      day: '2026-11-29',
      outstandingPoints: 1600,
      members: 2,
      redemption: { permille: 650, basis: 'measured', issued: 10_000, redeemed: 6_500 },
      fenPerThousandPoints: 800,
      impliedFen: 832,
      months: [
        { month: '2026-12', points: 300, expectedRedeemedPoints: 195, impliedFen: 156 },
        { month: '2027-12', points: 1300, expectedRedeemedPoints: 845, impliedFen: 676 },
      ],
    });
    expect(response.body.history).toEqual([{ day: '2026-11-29', outstandingPoints: 1600, impliedFen: 832 }]);
  });

  it('reads the day’s snapshot (the job refreshes it); earlier days are its history; the CSV has each month and the total', async () => {
    await buildPointsLot({ points: 1000, earnedAt: clock.now });
    expect((await liability()).body.outstandingPoints).toBe(1600);
    await snapshotLiability(clock.now, { refresh: true });
    expect((await liability()).body.outstandingPoints).toBe(2600);

    clock.now = businessInstant('2026-11-30T09:00:00');
    // A new day, a new console session (the last one went idle).
    analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
    const nextDay = await liability();
    expect(nextDay.body.history.map((day: { day: string; outstandingPoints: number }) => [day.day, day.outstandingPoints])).toEqual([
      ['2026-11-29', 2600],
      ['2026-11-30', 2600],
    ]);
    expect(await LiabilitySnapshotModel.countDocuments({})).toBe(2);

    const csv = await app.http.post('/api/ops.insights.liabilityExport').set('Cookie', analyst).send({});
    expect(csv.status).toBe(200);
    expect((csv.text as string).replace(/^\uFEFF/, '').trim().split('\r\n')).toEqual(['到期月份,积分,预计兑换积分,折算金额（元）', '2026-12,300,195,1.56', '2027-12,2300,1495,11.96', '合计,2600,1690,13.52']);
  });

  it('401 without an operator; 403 for a store manager; 400 for a body', async () => {
    expect((await app.http.post('/api/ops.insights.liability').send({})).status).toBe(401);
    const manager = await opsCookieFor(app.http, await buildOperator({ roles: ['store_manager'] }));
    expect((await app.http.post('/api/ops.insights.liability').set('Cookie', manager).send({})).status).toBe(403);
    expect((await app.http.post('/api/ops.insights.liability').set('Cookie', analyst).send({ day: 'x' })).status).toBe(400);
  });
});

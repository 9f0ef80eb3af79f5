import { businessInstant } from '@cakeday/shared';
import { AuditEntryModel } from '../audit/AuditEntry.model';
import { EventModel } from '../events/Event.model';
import { buildTestApp, type TestApp } from '../test/app';
import { ALERT_WINDOW_CAMPAIGN, ALERT_WINDOW_KEYS, craftAlertWindow } from '../test/insightsFactories';
import { useTestDatabase } from '../test/database';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { settingsWith } from '../test/settings';
import { AlertModel } from './Alert.model';
import { evaluateAlerts, type AlertFaultPoint } from './evaluateAlerts';

useTestDatabase();
const CAMPAIGN = ALERT_WINDOW_CAMPAIGN;
const settings = settingsWith({});
/** The job runs on 2026-11-29 (Shanghai): it judges the 7 days ending 2026-11-28. */
const clock = { now: businessInstant('2026-11-29T09:00:00') };

class Crash extends Error {}
const crashAt = (point: AlertFaultPoint, times = 1) => ({
  after(at: AlertFaultPoint) {
    if (at === point && times > 0) {
      times -= 1;
      throw new Crash(point);
    }
  },
});

const alertKeys = async () => (await AlertModel.find({}).sort({ key: 1 }).lean()).map((alert) => alert.key);
const outboxKeys = async () => (await EventModel.find({ type: 'alert.raised' }).sort({ key: 1 }).lean()).map((event) => event.key);
const EXPECTED = ALERT_WINDOW_KEYS;

describe('evaluateAlerts', () => {
  it('records each threshold crossed once per day, with what it saw, and one outbox notice each; a rerun adds nothing', async () => {
    await craftAlertWindow();
    expect(await evaluateAlerts({ now: clock.now, settings })).toEqual({ raised: 3, notified: 3 });
    expect(await evaluateAlerts({ now: clock.now, settings })).toEqual({ raised: 0, notified: 0 });

    expect(await alertKeys()).toEqual(EXPECTED);
    expect(await outboxKeys()).toEqual(EXPECTED.map((key) => `alert.raised:${key}`));
    const participation = await AlertModel.findOne({ key: 'kpi:birthdayParticipation:2026-11-28' }).lean();
    expect(participation).toMatchObject({ kind: 'kpi', value: 100, threshold: 250, sample: 100, window: { from: '2026-11-22', to: '2026-11-28' }, state: 'open', notice: 'sent' });
    expect(await AlertModel.findOne({ key: 'channelReach:sms:2026-11-28' }).lean()).toMatchObject({ value: 600, threshold: 700, sample: 100 });
    expect(await AlertModel.findOne({ kind: 'campaignFailure' }).lean()).toMatchObject({ subject: CAMPAIGN, value: 400, threshold: 50, sample: 100 });
    // NPS −80 on 20 answers is under the minimum sample (50): no alert.
    expect(await AlertModel.countDocuments({ subject: 'nps' })).toBe(0);
  });

  it('a crash after recording an alert: the rerun records it no second time and notifies it', async () => {
    await craftAlertWindow();
    await expect(evaluateAlerts({ now: clock.now, settings }, crashAt('raised'))).rejects.toThrow(Crash);
    expect(await AlertModel.countDocuments({})).toBe(1);
    expect(await outboxKeys()).toEqual([]);

    await evaluateAlerts({ now: clock.now, settings });
    expect(await alertKeys()).toEqual(EXPECTED);
    expect(await outboxKeys()).toHaveLength(3);
  });

  it('a crash between the outbox entry and marking it sent: the claim holds until its lease ends, then the notice is finished once', async () => {
    await craftAlertWindow();
    await expect(evaluateAlerts({ now: clock.now, settings }, crashAt('outbox'))).rejects.toThrow(Crash);
    expect(await outboxKeys()).toHaveLength(1);
    const claimed = await AlertModel.findOne({ notice: 'pending', noticeDueAt: { $gt: clock.now } }).lean();
    expect(claimed).not.toBeNull();

    // Another run within the lease notifies the others and leaves the claimed one alone.
    expect(await evaluateAlerts({ now: clock.now, settings })).toEqual({ raised: 0, notified: 2 });
    expect((await AlertModel.findById(claimed?._id).lean())?.notice).toBe('pending');

    // Once the lease has ended, the next run finishes it: still one outbox entry per alert.
    expect(await evaluateAlerts({ now: new Date(clock.now.getTime() + 6 * 60_000), settings })).toEqual({ raised: 0, notified: 1 });
    expect(await outboxKeys()).toEqual(EXPECTED.map((key) => `alert.raised:${key}`));
    expect(await AlertModel.countDocuments({ notice: 'sent' })).toBe(3);
  });
});

describe('ops.insights.alerts and alertAcknowledge', () => {
  let app: TestApp;
  beforeAll(() => {
    app = buildTestApp({ now: () => clock.now });
  });

  it('lists open alerts to an analyst; ops acknowledge one on its version, audited; a stale version is 409', async () => {
    await craftAlertWindow();
    await evaluateAlerts({ now: clock.now, settings });
    const analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
    const ops = await opsCookieFor(app.http, await buildOperator({ roles: ['ops'] }));

    const open = await app.http.post('/api/ops.insights.alerts').set('Cookie', analyst).send({});
    expect(open.status).toBe(200);
    expect(open.body.total).toBe(3);
    const reach = open.body.items.find((alert: { kind: string }) => alert.kind === 'channelReach');
    expect(reach).toMatchObject({ subject: 'sms', value: 600, threshold: 700, sample: 100, day: '2026-11-28', window: { from: '2026-11-22', to: '2026-11-28' }, state: 'open', notified: true, version: 0 });

    expect((await app.http.post('/api/ops.insights.alertAcknowledge').set('Cookie', analyst).send({ id: reach.id, version: 0 })).status).toBe(403);
    const acknowledged = await app.http.post('/api/ops.insights.alertAcknowledge').set('Cookie', ops).send({ id: reach.id, version: 0 });
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body).toMatchObject({ state: 'acknowledged', version: 1 });
    expect(await AuditEntryModel.countDocuments({ action: 'ops.insights.alertAcknowledge', 'subject.id': reach.id, outcome: 'applied' })).toBe(1);

    const again = await app.http.post('/api/ops.insights.alertAcknowledge').set('Cookie', ops).send({ id: reach.id, version: 0 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('STALE_VERSION');
    expect((await app.http.post('/api/ops.insights.alerts').set('Cookie', analyst).send({})).body.total).toBe(2);
    expect((await app.http.post('/api/ops.insights.alerts').set('Cookie', analyst).send({ state: 'acknowledged' })).body.items.map((alert: { id: string }) => alert.id)).toEqual([reach.id]);
  });
});

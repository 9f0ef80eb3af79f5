import { businessInstant, type ProgramSettings } from '@cakeday/shared';
import { AuditEntryModel } from '../audit/AuditEntry.model';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { ALERT_WINDOW_KEYS, craftAlertWindow } from '../test/insightsFactories';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { settingsWith } from '../test/settings';
import { useWechatSandbox } from '../test/wechatSandbox';
import { createWecomRobot, type WecomRobot } from '../wecom/wecomRobot';
import { AlertNoticeModel } from './AlertNotice.model';
import { deliverAlertNotices, type NoticeFaultPoint } from './deliverAlertNotices';
import { evaluateAlerts, type AlertFaultPoint } from './evaluateAlerts';

useTestDatabase();
const sandbox = useWechatSandbox();
/** The job runs on 2026-11-29 (Shanghai): it judges the 7 days ending 2026-11-28 (three alerts). */
const clock = { now: businessInstant('2026-11-29T09:00:00') };
const later = (minutes: number): Date => new Date(clock.now.getTime() + minutes * 60_000);

class Crash extends Error {}
function crashAt<Point extends string>(point: Point) {
  let armed = true;
  return {
    after(at: Point) {
      if (at === point && armed) {
        armed = false;
        throw new Crash(point);
      }
    },
  };
}

let robot: WecomRobot;
beforeAll(() => {
  robot = createWecomRobot(sandbox.config());
});

/** A roster of `count` active operators (and the settings naming them), plus a disabled one on it too. */
async function roster(count: number): Promise<{ names: string[]; settings: ProgramSettings }> {
  const onDuty = await Promise.all(Array.from({ length: count }, (_, index) => buildOperator({ roles: ['ops'], displayName: `值班${index + 1}号` })));
  const disabled = await buildOperator({ roles: ['ops'], displayName: '已停用', status: 'disabled' });
  const ids = [...onDuty, disabled].map((operator) => operator._id.toHexString());
  return { names: onDuty.map((operator) => operator.displayName), settings: settingsWith({ insights: { alerts: { onDutyOperatorIds: ids } } }) };
}

const posted = () => sandbox.wecom().outbox();
const postsSince = (before: number) => posted().slice(before);
const noticeStates = async () => (await AlertNoticeModel.find({}).lean()).map((notice) => notice.state).sort();

describe('alert notices to the on-duty operators (企业微信 group robot)', () => {
  it('each raised alert notifies each active on-duty operator exactly once, in the ops group, with what it saw', async () => {
    await craftAlertWindow();
    const { names, settings } = await roster(2);
    const before = posted().length;

    expect(await evaluateAlerts({ now: clock.now, settings })).toEqual({ raised: 3, notified: 3 });
    expect(await AlertNoticeModel.countDocuments({ state: 'queued' })).toBe(6);
    expect(await deliverAlertNotices({ now: clock.now, robot })).toEqual({ sent: 6, retried: 0, failed: 0 });

    // Rerunning both adds nothing.
    expect(await evaluateAlerts({ now: later(15), settings })).toEqual({ raised: 0, notified: 0 });
    expect(await deliverAlertNotices({ now: later(15), robot })).toEqual({ sent: 0, retried: 0, failed: 0 });

    const messages = postsSince(before);
    expect(messages).toHaveLength(6);
    for (const name of names) expect(messages.filter((message) => message.content.includes(`值班运营 ${name}`))).toHaveLength(3);
    expect(messages.some((message) => message.content.includes('已停用'))).toBe(false);
    const reach = messages.find((message) => message.content.includes('渠道触达率过低'));
    expect(reach?.content).toContain('观测值：<font color="warning">60.0%</font>（阈值 70.0%，样本 100）');
    expect(reach?.content).toContain('统计区间：2026-11-22 至 2026-11-28');
    expect(await noticeStates()).toEqual(Array(6).fill('sent'));
  });

  it('a crash after queueing an alert’s notices: the next claim after the lease queues nobody twice', async () => {
    await craftAlertWindow();
    const { settings } = await roster(2);
    await expect(evaluateAlerts({ now: clock.now, settings }, crashAt<AlertFaultPoint>('queued'))).rejects.toThrow(Crash);
    expect(await AlertNoticeModel.countDocuments({})).toBe(2);

    // Within the claimed alert's lease: the other two alerts are fanned out, the claimed one waits.
    expect(await evaluateAlerts({ now: clock.now, settings })).toEqual({ raised: 0, notified: 2 });
    expect(await evaluateAlerts({ now: later(6), settings })).toEqual({ raised: 0, notified: 1 });
    const keys = (await AlertNoticeModel.find({}).lean()).map((notice) => notice.key.split(':').slice(0, -1).join(':'));
    expect(keys.sort()).toEqual([...ALERT_WINDOW_KEYS, ...ALERT_WINDOW_KEYS].sort());

    const before = posted().length;
    expect(await deliverAlertNotices({ now: later(6), robot })).toEqual({ sent: 6, retried: 0, failed: 0 });
    expect(postsSince(before)).toHaveLength(6);
  });

  it('the robot’s limit of 20 a minute (45009): the run stops at the refusal and the rest are posted the next minute', async () => {
    await craftAlertWindow();
    const { settings } = await roster(7);
    await evaluateAlerts({ now: clock.now, settings });
    expect(await AlertNoticeModel.countDocuments({ state: 'queued' })).toBe(21);
    // A minute of the sandbox's own clock since the earlier tests' posts.
    await sandbox.control().advanceClock(61);
    const before = posted().length;

    expect(await deliverAlertNotices({ now: clock.now, robot })).toEqual({ sent: 20, retried: 1, failed: 0 });
    const limited = await AlertNoticeModel.findOne({ state: 'queued' }).lean();
    expect(limited).toMatchObject({ attempts: 1, lastError: 'errcode_45009', nextAttemptAt: later(1) });

    // Not due before its backoff ends; the robot's minute has passed by then.
    expect(await deliverAlertNotices({ now: clock.now, robot })).toEqual({ sent: 0, retried: 0, failed: 0 });
    await sandbox.control().advanceClock(61);
    expect(await deliverAlertNotices({ now: later(1), robot })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(postsSince(before)).toHaveLength(21);
    expect(await noticeStates()).toEqual(Array(21).fill('sent'));
  });

  it('no answer is retried after a backoff; an invalid robot key (93000) fails the notice at once', async () => {
    await craftAlertWindow();
    const { settings } = await roster(1);
    await evaluateAlerts({ now: clock.now, settings });
    await sandbox.control().advanceClock(61);

    sandbox.wecom().failNext('drop');
    expect(await deliverAlertNotices({ now: clock.now, robot })).toEqual({ sent: 2, retried: 1, failed: 0 });
    expect(await AlertNoticeModel.findOne({ lastError: 'no_answer' }).lean()).toMatchObject({ state: 'queued', attempts: 1, nextAttemptAt: later(1) });

    const wrongKey = createWecomRobot(sandbox.config({ WECOM_ALERT_ROBOT_KEY: 'not-the-group-robot-key' }));
    expect(await deliverAlertNotices({ now: later(1), robot: wrongKey })).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(await AlertNoticeModel.findOne({ state: 'failed' }).lean()).toMatchObject({ attempts: 2, lastError: 'errcode_93000', nextAttemptAt: null });
  });

  it('a crash after the robot took a notice, before it was recorded: the notice is posted again once its lease ends, never lost', async () => {
    await craftAlertWindow();
    const { settings } = await roster(1);
    await evaluateAlerts({ now: clock.now, settings });
    await sandbox.control().advanceClock(61);
    const before = posted().length;

    await expect(deliverAlertNotices({ now: clock.now, robot }, crashAt<NoticeFaultPoint>('posted'))).rejects.toThrow(Crash);
    expect(await deliverAlertNotices({ now: clock.now, robot })).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(await AlertNoticeModel.countDocuments({ state: 'queued' })).toBe(1);

    expect(await deliverAlertNotices({ now: later(3), robot })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(postsSince(before)).toHaveLength(4);
    expect(await noticeStates()).toEqual(['sent', 'sent', 'sent']);
  });
});

describe('the on-duty roster in program settings', () => {
  let app: TestApp;
  beforeAll(() => {
    app = buildTestApp({ now: () => clock.now, config: sandbox.config() });
  });

  it('an admin puts operators on duty (audited like any settings change); ops may not; the job notifies them', async () => {
    await craftAlertWindow();
    const admin = await opsCookieFor(app.http, await buildOperator({ roles: ['admin'] }));
    const ops = await opsCookieFor(app.http, await buildOperator({ roles: ['ops'] }));
    const onDuty = await buildOperator({ roles: ['ops'], displayName: '周末值班' });
    const current = (await app.http.post('/api/ops.settings.current').set('Cookie', admin).send({})).body;
    const settings = settingsWith({ insights: { alerts: { onDutyOperatorIds: [onDuty._id.toHexString()] } } }, current.current.settings);

    const refused = await app.http.post('/api/ops.settings.update').set('Cookie', ops).send({ basedOnVersion: current.latestVersion, reason: '排班', settings });
    expect(refused.status).toBe(403);
    const saved = await app.http.post('/api/ops.settings.update').set('Cookie', admin).send({ basedOnVersion: current.latestVersion, reason: '周末排班', settings });
    expect(saved.status).toBe(200);
    expect(await AuditEntryModel.findOne({ action: 'ops.settings.update', outcome: 'applied', reason: '周末排班' }).lean()).toMatchObject({
      before: { 'insights.alerts.onDutyOperatorIds': [] },
      after: { 'insights.alerts.onDutyOperatorIds': [onDuty._id.toHexString()] },
    });

    const inForce = await app.deps.settings.at(clock.now);
    await evaluateAlerts({ now: clock.now, settings: inForce.settings });
    expect(await AlertNoticeModel.find({}).lean()).toHaveLength(3);
    expect((await AlertNoticeModel.find({}).lean()).every((notice) => notice.operatorId.equals(onDuty._id))).toBe(true);
  });
});

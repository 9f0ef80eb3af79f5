import type { MessagePushWire, SubscribeSentEvent } from '@cakeday/shared';
import { jobs } from '../../jobs/jobs';
import { buildTestApp, type TestApp } from '../../test/app';
import { useTestDatabase } from '../../test/database';
import { inboxEntries } from '../../test/pushHandlers';
import { useWechatSandbox } from '../../test/wechatSandbox';
import { PUSH_CLAIM_LEASE_MS, PUSH_MAX_ATTEMPTS } from './dispatchPushEvent';
import { MessagePushInboxModel } from './MessagePushInbox.model';
import { defaultPushHandlers } from './pushHandlerTable';
import type { PushHandlers } from './pushHandlers';
import { recordPushEvent } from './recordPushEvent';
import { PUSH_INBOX_RETENTION_MS } from './retryMessagePushes';

useTestDatabase();
const sandbox = useWechatSandbox({ push: { mode: 'safe' } });

const MINUTE = 60_000;
const clock = { now: new Date() };
const retryJob = jobs.find((job) => job.name === 'wechat.messagePush.retry');
const purgeJob = jobs.find((job) => job.name === 'wechat.messagePush.purge');

let msgSeq = 0;
const sentEvent = (): MessagePushWire => ({
  ToUserName: 'gh_cakedaysandbox',
  FromUserName: 'o-receipts',
  CreateTime: Math.floor(Date.now() / 1000),
  MsgType: 'event',
  Event: 'subscribe_msg_sent_event',
  List: { TemplateId: 'sandbox-tmpl-order-status', MsgID: `31795934354574${String((msgSeq += 1)).padStart(5, '0')}`, ErrorCode: 0, ErrorStatus: 'success' },
});

function appWith(handlers: PushHandlers, config: Record<string, string> = {}): TestApp {
  const app = buildTestApp({ config: sandbox.config(config), now: () => clock.now, pushHandlers: handlers });
  sandbox.serve(app.server);
  return app;
}

async function push(event: MessagePushWire = sentEvent()): Promise<void> {
  expect(await sandbox.control().pushSettled(await sandbox.control().pushEvent(event))).toEqual({ delivered: true, attempts: 1 });
}

beforeEach(async () => {
  await sandbox.control().reset();
  await MessagePushInboxModel.deleteMany({});
  clock.now = new Date();
});

describe('handling that fails, and the repair job', () => {
  it('a failing handler leaves the entry failed; the repair job retries it after the backoff, it succeeds once, and the handlers that had succeeded do not run again', async () => {
    const runs = { record: 0, flaky: 0, flakySucceeded: 0 };
    const handlers = defaultPushHandlers()
      .register('subscribe_msg_sent_event', 'test.record', async () => {
        runs.record += 1;
      })
      .register('subscribe_msg_sent_event', 'test.flaky', async () => {
        runs.flaky += 1;
        if (runs.flaky === 1) throw new Error('receipt ledger unavailable');
        runs.flakySucceeded += 1;
      });
    const app = appWith(handlers);
    await push();
    const [failed] = await inboxEntries();
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, handledBy: ['messagePush.log', 'test.record'], lastError: 'test.flaky: Error: receipt ledger unavailable' });
    expect(failed?.nextAttemptAt).toEqual(new Date(clock.now.getTime() + MINUTE));

    expect(await retryJob!.run(app.deps)).toEqual({ handled: 0, failed: 0, skipped: 0 });
    clock.now = new Date(clock.now.getTime() + MINUTE);
    expect(await retryJob!.run(app.deps)).toEqual({ handled: 1, failed: 0, skipped: 0 });
    expect(await inboxEntries()).toEqual([expect.objectContaining({ state: 'handled', attempts: 2, nextAttemptAt: null, lastError: null, handledBy: ['messagePush.log', 'test.record', 'test.flaky'] })]);
    expect(runs).toEqual({ record: 1, flaky: 2, flakySucceeded: 1 });

    clock.now = new Date(clock.now.getTime() + 60 * MINUTE);
    expect(await retryJob!.run(app.deps)).toEqual({ handled: 0, failed: 0, skipped: 0 });
    // WeChat re-sending it afterwards changes nothing either.
    await sandbox.control().duplicatePush('last');
    expect(runs).toEqual({ record: 1, flaky: 2, flakySucceeded: 1 });
  });

  it('backs off 1, 2, 4 ... minutes (at most an hour) and gives up after the last attempt', async () => {
    let runs = 0;
    const app = appWith(
      defaultPushHandlers().register('subscribe_msg_sent_event', 'test.broken', async () => {
        runs += 1;
        throw new Error('always');
      }),
    );
    await push();
    const delays: number[] = [];
    for (let attempt = 1; attempt < PUSH_MAX_ATTEMPTS; attempt += 1) {
      const [entry] = await inboxEntries();
      const due = entry?.nextAttemptAt ?? new Date(0);
      delays.push((due.getTime() - clock.now.getTime()) / MINUTE);
      clock.now = due;
      expect(await retryJob!.run(app.deps)).toEqual({ handled: 0, failed: 1, skipped: 0 });
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    expect(await inboxEntries()).toEqual([expect.objectContaining({ state: 'failed', attempts: PUSH_MAX_ATTEMPTS, nextAttemptAt: null })]);
    expect(runs).toBe(PUSH_MAX_ATTEMPTS);
    clock.now = new Date(clock.now.getTime() + 24 * 60 * MINUTE);
    expect(await retryJob!.run(app.deps)).toEqual({ handled: 0, failed: 0, skipped: 0 });
  });
});

describe('crash points', () => {
  it('recorded, then the process died before handling: the repair job handles it once', async () => {
    const seen: SubscribeSentEvent[] = [];
    const app = appWith(
      defaultPushHandlers().register('subscribe_msg_sent_event', 'test.record', async (event) => {
        seen.push(event);
      }),
    );
    const event: SubscribeSentEvent = { type: 'subscribe_msg_sent_event', openid: 'o-crash', createTime: 1, templateId: 't', msgId: '42', errorCode: 0, errorStatus: 'success' };
    await recordPushEvent(event, clock.now);
    expect(await retryJob!.run(app.deps)).toEqual({ handled: 1, failed: 0, skipped: 0 });
    expect(await retryJob!.run(app.deps)).toEqual({ handled: 0, failed: 0, skipped: 0 });
    expect(seen).toEqual([event]);
  });

  it('claimed, then the process died mid-handling: nobody takes it during the lease, the repair job does after it', async () => {
    let runs = 0;
    const app = appWith(
      defaultPushHandlers().register('subscribe_msg_sent_event', 'test.count', async () => {
        runs += 1;
      }),
    );
    const { key } = await recordPushEvent({ type: 'subscribe_msg_sent_event', openid: 'o-crash', createTime: 1, templateId: 't', msgId: '43', errorCode: 0, errorStatus: 'success' }, clock.now);
    // The claim a dispatcher makes before running the handlers, and then nothing (the crash).
    await MessagePushInboxModel.updateOne({ _id: key }, { $set: { nextAttemptAt: new Date(clock.now.getTime() + PUSH_CLAIM_LEASE_MS) }, $inc: { attempts: 1 } });
    clock.now = new Date(clock.now.getTime() + PUSH_CLAIM_LEASE_MS - 1);
    expect(await retryJob!.run(app.deps)).toEqual({ handled: 0, failed: 0, skipped: 0 });
    clock.now = new Date(clock.now.getTime() + 1);
    expect(await retryJob!.run(app.deps)).toEqual({ handled: 1, failed: 0, skipped: 0 });
    expect(runs).toBe(1);
    expect(await inboxEntries()).toEqual([expect.objectContaining({ state: 'handled', attempts: 2 })]);
  });
});

describe('answering within WeChat’s 5 seconds', () => {
  it('with the handling budget spent, success is answered while the handler still runs; the entry is handled when it ends', async () => {
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    let started = 0;
    appWith(
      defaultPushHandlers().register('subscribe_msg_sent_event', 'test.slow', async () => {
        started += 1;
        await gate;
      }),
      { WECHAT_PUSH_HANDLE_BUDGET_MS: '0' },
    );
    await push();
    const [waiting] = await inboxEntries();
    expect(waiting).toMatchObject({ state: 'received', attempts: 1 });
    expect(waiting?.handledBy).not.toContain('test.slow');
    open();
    // Poll the entry's state (each round is a database read).
    let entry = (await inboxEntries())[0];
    for (let reads = 0; entry?.state !== 'handled' && reads < 1000; reads += 1) entry = (await inboxEntries())[0];
    expect(entry).toMatchObject({ state: 'handled', handledBy: ['messagePush.log', 'test.slow'] });
    expect(started).toBe(1);
  });
});

describe('the purge job', () => {
  it('forgets entries that are done and older than 30 days; keeps those still pending and the recent ones', async () => {
    const app = appWith(defaultPushHandlers());
    const old = new Date(clock.now.getTime() - PUSH_INBOX_RETENTION_MS - 1);
    const base = { type: 'subscribe_msg_sent_event' as const, openid: 'o-old', createTime: 1, templateId: 't', errorCode: 0, errorStatus: 'success' };
    await recordPushEvent({ ...base, msgId: 'done-old' }, old);
    await recordPushEvent({ ...base, msgId: 'pending-old' }, old);
    await recordPushEvent({ ...base, msgId: 'done-new' }, clock.now);
    await MessagePushInboxModel.updateMany({ _id: { $in: ['sent:done-old', 'sent:done-new'] } }, { $set: { state: 'handled', nextAttemptAt: null } });
    expect(await purgeJob!.run(app.deps)).toEqual({ purged: 1 });
    expect((await inboxEntries()).map((entry) => entry._id).sort()).toEqual(['sent:done-new', 'sent:pending-old']);
  });
});

import request from 'supertest';
import { pushSignature } from '../../../../scripts/wechat-sandbox/push/pushCrypto';
import { buildTestApp, type TestApp } from '../../test/app';
import { useTestDatabase } from '../../test/database';
import { inboxEntries, recordingPushHandlers, type RecordingPushHandlers } from '../../test/pushHandlers';
import { TEST_PUSH_TOKEN, useWechatSandbox } from '../../test/wechatSandbox';
import { MessagePushInboxModel } from './MessagePushInbox.model';

useTestDatabase();
const sandbox = useWechatSandbox({ push: {} });

const BIRTHDAY = 'sandbox-tmpl-birthday-reminder';

function urlCheck(app: TestApp, options: { token?: string; ageSeconds?: number } = {}) {
  const timestamp = String(Math.floor(Date.now() / 1000) - (options.ageSeconds ?? 0));
  const nonce = '1514711492';
  const signature = pushSignature(options.token ?? TEST_PUSH_TOKEN, timestamp, nonce);
  return request(app.server).get('/wechat/message-push').query({ signature, timestamp, nonce, echostr: 'echo-4821' });
}

/** A test app in this push mode, the sandbox signing in the same mode and pushing to it. */
function appInMode(mode: 'plain' | 'safe' | 'compatible'): { app: () => TestApp; recording: () => RecordingPushHandlers } {
  let app: TestApp | undefined;
  let recording: RecordingPushHandlers | undefined;
  beforeAll(() => {
    recording = recordingPushHandlers();
    app = buildTestApp({ config: sandbox.config({ WECHAT_PUSH_MODE: mode }), pushHandlers: recording.handlers });
  });
  beforeEach(async () => {
    await sandbox.control().reset();
    await sandbox.control().configurePush({ mode: mode === 'compatible' ? 'safe' : mode });
    sandbox.serve(app!.server);
    recording!.seen.length = 0;
    await MessagePushInboxModel.deleteMany({});
  });
  return { app: () => app!, recording: () => recording! };
}

describe.each(['plain', 'safe'] as const)('the message push endpoint in %s mode', (mode) => {
  const { app, recording } = appInMode(mode);

  it('answers WeChat’s URL check by echoing echostr as text; a wrong token or a stale timestamp is 401 and echoes nothing', async () => {
    const genuine = await urlCheck(app());
    expect([genuine.status, genuine.type, genuine.text]).toEqual([200, 'text/plain', 'echo-4821']);
    for (const refused of [await urlCheck(app(), { token: 'notOurToken' }), await urlCheck(app(), { ageSeconds: 301 })]) {
      expect(refused.status).toBe(401);
      expect(refused.body.error.code).toBe('WECHAT_PUSH_INVALID');
      expect(refused.text).not.toContain('echo-4821');
    }
    expect((await request(app().server).get('/wechat/message-push').query({ echostr: 'echo-4821' })).status).toBe(401);
  });

  it('a genuine push (a member accepts in the sandbox) is answered success, recorded once and handled once', async () => {
    const { openid, pushIds } = await sandbox.control().subscribe({ user: 'alice' }, 'birthdayReminder');
    expect(await sandbox.control().pushSettled(pushIds[0])).toEqual({ delivered: true, attempts: 1 });
    expect((await sandbox.control().pushDeliveries())[0]).toMatchObject({ mode, status: 200, answer: 'success' });
    expect(recording().seen).toEqual([{ type: 'subscribe_msg_popup_event', openid, createTime: expect.any(Number), templateId: BIRTHDAY, status: 'accept', popupScene: 0 }]);
    expect(await inboxEntries()).toEqual([
      expect.objectContaining({ type: 'subscribe_msg_popup_event', openid, state: 'handled', attempts: 1, deliveries: 1, handledBy: ['messagePush.log', 'test.record'], nextAttemptAt: null }),
    ]);
  });

  it('eleven deliveries of a new event at once (WeChat’s re-sends): one inbox entry, every one answered success, the handler ran once', async () => {
    await sandbox.control().holdPushes();
    const { pushIds } = await sandbox.control().subscribe({ user: 'bob' }, 'orderStatus');
    const [, duplicates] = await Promise.all([sandbox.control().releasePushes(), sandbox.control().duplicatePush(pushIds[0], 10)]);
    expect(await sandbox.control().pushSettled(pushIds[0])).toEqual({ delivered: true, attempts: 1 });
    expect(duplicates.map((delivery) => delivery.answer)).toEqual(Array(10).fill('success'));
    expect(recording().of('subscribe_msg_popup_event')).toHaveLength(1);
    expect(await inboxEntries()).toEqual([expect.objectContaining({ state: 'handled', deliveries: 11, attempts: 1 })]);
  });

  it('forged, unsigned and stale pushes are 401 with our error shape and record nothing', async () => {
    await sandbox.control().holdPushes();
    const { pushIds } = await sandbox.control().subscribe({ user: 'carol' }, 'orderStatus');
    const refused = [await sandbox.control().forgePush('badSignature', pushIds[0]), await sandbox.control().forgePush('unsigned', pushIds[0]), await sandbox.control().replayPush(pushIds[0], 301)];
    expect(refused.map((delivery) => [delivery.kind, delivery.status, JSON.parse(delivery.answer ?? '{}').error?.code])).toEqual([
      ['badSignature', 401, 'WECHAT_PUSH_INVALID'],
      ['unsigned', 401, 'WECHAT_PUSH_INVALID'],
      ['stale', 401, 'WECHAT_PUSH_INVALID'],
    ]);
    expect(await inboxEntries()).toEqual([]);
    // The genuine one still counts, once; a forgery of it afterwards changes nothing.
    await sandbox.control().releasePushes();
    await sandbox.control().pushSettled(pushIds[0]);
    await sandbox.control().forgePush('badSignature', pushIds[0]);
    expect(await inboxEntries()).toEqual([expect.objectContaining({ deliveries: 1, state: 'handled' })]);
    expect(recording().seen).toHaveLength(1);
  });
});

describe('safe mode', () => {
  const { app, recording } = appInMode('safe');

  it('a tampered ciphertext (signed before or after), another mini-program’s message and a plaintext push are 401 and record nothing', async () => {
    await sandbox.control().holdPushes();
    const { pushIds } = await sandbox.control().subscribe({ user: 'dan' }, 'birthdayReminder');
    const forged = [];
    for (const kind of ['tampered', 'tamperedResigned', 'wrongAppid'] as const) forged.push(await sandbox.control().forgePush(kind, pushIds[0]));
    await sandbox.control().configurePush({ mode: 'plain' });
    const plain = await sandbox.control().duplicatePush(pushIds[0]);
    expect([...forged, ...plain].map((delivery) => delivery.status)).toEqual([401, 401, 401, 401]);
    expect(await inboxEntries()).toEqual([]);
    expect(recording().seen).toEqual([]);
    expect((await request(app().server).post('/wechat/message-push').set('Content-Type', 'text/plain').send('not json')).status).toBe(401);
  });

  it('a body that is not JSON-typed is read all the same (WeChat names its own content type)', async () => {
    const { pushIds } = await sandbox.control().subscribe({ user: 'erin' }, 'birthdayReminder');
    await sandbox.control().pushSettled(pushIds[0]);
    const [delivery] = await sandbox.control().pushDeliveries();
    const replayed = await request(app().server).post('/wechat/message-push').query(delivery?.query ?? {}).set('Content-Type', 'text/plain').send(delivery?.body ?? '');
    expect([replayed.status, replayed.text]).toEqual([200, 'success']);
    expect(await inboxEntries()).toEqual([expect.objectContaining({ deliveries: 2 })]);
  });

  it('WeChat’s quirks: List as an array of several items, CreateTime as a string, a bare 19-digit MsgID, a label as a string', async () => {
    const envelope = { ToUserName: 'gh_cakedaysandbox', FromUserName: 'o-quirks', MsgType: 'event' as const };
    const popup = await sandbox.control().pushEvent({
      ...envelope,
      CreateTime: '1779000000',
      Event: 'subscribe_msg_popup_event',
      List: [
        { TemplateId: 't-one', SubscribeStatusString: 'accept', PopupScene: '0' },
        { TemplateId: 't-two', SubscribeStatusString: 'reject', PopupScene: '0' },
      ],
    });
    const sent = await sandbox.control().pushEvent({
      event: 'subscribe_msg_sent_event',
      json: '{"ToUserName":"gh_cakedaysandbox","FromUserName":"o-quirks","CreateTime":1779000001,"MsgType":"event","Event":"subscribe_msg_sent_event","List":{"TemplateId":"t-one","MsgID":3179593435457478657,"ErrorCode":"0","ErrorStatus":"success"}}',
    });
    const media = await sandbox.control().pushEvent({
      ...envelope,
      CreateTime: 1779000002,
      Event: 'wxa_media_check',
      appid: 'wx0000000000000000',
      trace_id: 'trace-quirk',
      version: '2',
      errcode: 0,
      errmsg: 'ok',
      result: { suggest: 'risky', label: '20002' },
      detail: [{ strategy: 'content_model', errcode: 0, suggest: 'risky', label: 20002, prob: 90 }],
    });
    for (const pushId of [popup, sent, media]) expect(await sandbox.control().pushSettled(pushId)).toEqual({ delivered: true, attempts: 1 });
    // Three pushes in flight at once: in any order.
    expect(recording().seen).toHaveLength(4);
    expect(recording().seen).toEqual(expect.arrayContaining([
      { type: 'subscribe_msg_popup_event', openid: 'o-quirks', createTime: 1779000000, templateId: 't-one', status: 'accept', popupScene: 0 },
      { type: 'subscribe_msg_popup_event', openid: 'o-quirks', createTime: 1779000000, templateId: 't-two', status: 'reject', popupScene: 0 },
      { type: 'subscribe_msg_sent_event', openid: 'o-quirks', createTime: 1779000001, templateId: 't-one', msgId: '3179593435457478657', errorCode: 0, errorStatus: 'success' },
      expect.objectContaining({ type: 'wxa_media_check', traceId: 'trace-quirk', version: 2, result: { suggest: 'risky', label: 20002 } }),
    ]));
    expect((await inboxEntries()).map((entry) => entry._id).sort()).toEqual(['media:trace-quirk', 'popup:o-quirks:1779000000:t-one:accept:0', 'popup:o-quirks:1779000000:t-two:reject:0', 'sent:3179593435457478657']);
  });

  it('signed events we do not take are answered success and not recorded; a known event of the wrong shape likewise', async () => {
    const other = await sandbox.control().pushEvent({ json: '{"ToUserName":"gh_x","FromUserName":"o-x","CreateTime":1,"MsgType":"event","Event":"user_enter_tempsession"}', event: 'user_enter_tempsession' });
    const malformed = await sandbox.control().pushEvent({ json: '{"ToUserName":"gh_x","FromUserName":"o-x","CreateTime":"soon","MsgType":"event","Event":"subscribe_msg_popup_event","List":[]}', event: 'subscribe_msg_popup_event' });
    for (const pushId of [other, malformed]) expect(await sandbox.control().pushSettled(pushId)).toEqual({ delivered: true, attempts: 1 });
    expect(await inboxEntries()).toEqual([]);
  });
});

describe('compatible mode', () => {
  appInMode('compatible');

  it('takes encrypted and plain pushes alike', async () => {
    const encrypted = await sandbox.control().subscribe({ user: 'fay' }, 'birthdayReminder');
    await sandbox.control().configurePush({ mode: 'plain' });
    const plain = await sandbox.control().subscribe({ user: 'fay' }, 'orderStatus');
    await sandbox.control().configurePush({ mode: 'compatible' });
    const both = await sandbox.control().subscribe({ user: 'fay' }, 'helpSucceeded');
    for (const { pushIds } of [encrypted, plain, both]) expect(await sandbox.control().pushSettled(pushIds[0])).toEqual({ delivered: true, attempts: 1 });
    expect((await inboxEntries()).map((entry) => entry.event.type === 'subscribe_msg_popup_event' && entry.event.templateId).sort()).toEqual([
      'sandbox-tmpl-help-succeeded',
      'sandbox-tmpl-order-status',
      BIRTHDAY,
    ].sort());
  });
});

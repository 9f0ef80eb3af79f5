import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultPushSettings } from '../../../../scripts/wechat-sandbox/push/pushSettings';
import { loadConfig } from '../../config/config';
import { buildTestApp, type TestApp } from '../../test/app';
import { useTestDatabase } from '../../test/database';
import { inboxEntries, recordingPushHandlers, type RecordingPushHandlers } from '../../test/pushHandlers';
import { useWechatSandbox } from '../../test/wechatSandbox';
import { MessagePushInboxModel } from './MessagePushInbox.model';

useTestDatabase();
const sandbox = useWechatSandbox({ push: { mode: 'safe' } });

/** A 1×1 PNG, served as a member's uploaded photo would be. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let app: TestApp;
let recording: RecordingPushHandlers;
let photos: Server;
let photoBase = '';
const photoRequests: string[] = [];

beforeAll(async () => {
  recording = recordingPushHandlers();
  app = buildTestApp({ config: sandbox.config(), pushHandlers: recording.handlers });
  photos = createServer((request, response) => {
    photoRequests.push(request.url ?? '');
    response.writeHead(200, { 'Content-Type': 'image/png' });
    response.end(PNG);
  });
  await new Promise<void>((resolve) => photos.listen(0, '127.0.0.1', () => resolve()));
  photoBase = `http://127.0.0.1:${(photos.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => photos.close(() => resolve())));
beforeEach(async () => {
  await sandbox.control().reset();
  sandbox.serve(app.server);
  recording.seen.length = 0;
  photoRequests.length = 0;
  await MessagePushInboxModel.deleteMany({});
});

const reminder = (touser: string) => ({
  touser,
  templateId: 'sandbox-tmpl-birthday-reminder',
  page: 'pages/birthday/index',
  data: { thing1: '生日礼已解锁', date2: '2026年05月20日', thing3: '进店出示会员码领取' },
});

describe('what the sandbox pushes reaches the BFF', () => {
  it('a member accepting two templates in one popup, then turning one off: the popup and change events', async () => {
    const popup = await sandbox.control().answerPopup({ user: 'gina' }, [
      { template: 'birthdayReminder', result: 'accept' },
      { template: 'benefitExpiring', result: 'accept' },
    ]);
    await sandbox.control().pushSettled(popup.pushId ?? '');
    const change = await sandbox.control().changeSubscription({ user: 'gina' }, 'benefitExpiring');
    await sandbox.control().pushSettled(change.pushId);
    expect(recording.seen.map((event) => [event.type, event.openid, 'templateId' in event && event.templateId, 'status' in event && event.status])).toEqual([
      ['subscribe_msg_popup_event', popup.openid, 'sandbox-tmpl-birthday-reminder', 'accept'],
      ['subscribe_msg_popup_event', popup.openid, 'sandbox-tmpl-benefit-expiring', 'accept'],
      ['subscribe_msg_change_event', popup.openid, 'sandbox-tmpl-benefit-expiring', 'reject'],
    ]);
  });

  it('a send through the BFF’s adapter: the subscribe_msg_sent_event receipt arrives with the msgid the send answered', async () => {
    const { openid, pushIds } = await sandbox.control().subscribe({ user: 'hana' }, 'birthdayReminder');
    await sandbox.control().pushSettled(pushIds[0]);
    const { msgId } = await app.deps.wechat.messages.sendSubscribeMessage(reminder(openid));
    expect(msgId).toMatch(/^\d{19}$/);
    expect(await sandbox.control().pushSettled('last')).toEqual({ delivered: true, attempts: 1 });
    expect(recording.of('subscribe_msg_sent_event')).toEqual([{ type: 'subscribe_msg_sent_event', openid, createTime: expect.any(Number), templateId: 'sandbox-tmpl-birthday-reminder', msgId, errorCode: 0, errorStatus: 'success' }]);
    expect((await inboxEntries({ type: 'subscribe_msg_sent_event' })).map((entry) => entry._id)).toEqual([`sent:${msgId}`]);
  });

  it('mediaCheckAsync through the BFF’s adapter: the sandbox fetches the photo, and its verdict arrives signed, matched by trace_id', async () => {
    const { openid } = await sandbox.control().visit({ user: 'ivy' });
    await sandbox.control().setMediaCheckRules([{ urlContains: '/risky/', suggest: 'risky', label: 20002 }]);
    const security = app.deps.wechat.security;
    const passed = await security.mediaCheckAsync({ openid, scene: 4, mediaUrl: `${photoBase}/photos/cake.png`, mediaType: 'image' });
    const risky = await security.mediaCheckAsync({ openid, scene: 4, mediaUrl: `${photoBase}/risky/cake.png`, mediaType: 'image' });
    const unreachable = await security.mediaCheckAsync({ openid, scene: 4, mediaUrl: 'http://127.0.0.1:9/photos/gone.png', mediaType: 'image' });
    expect(recording.seen).toEqual([]);
    const deliveries = await sandbox.control().deliverMediaVerdicts();
    expect(deliveries.map((delivery) => delivery.delivered)).toEqual([true, true, true]);
    expect(photoRequests.sort()).toEqual(['/photos/cake.png', '/risky/cake.png']);
    const verdicts = new Map(recording.of('wxa_media_check').map((event) => [event.traceId, event]));
    expect(verdicts.get(passed.traceId)).toMatchObject({ openid, appid: 'wx0000000000000000', errcode: 0, result: { suggest: 'pass', label: 100 } });
    expect(verdicts.get(risky.traceId)).toMatchObject({ errcode: 0, result: { suggest: 'risky', label: 20002 } });
    expect(verdicts.get(unreachable.traceId)).toMatchObject({ errcode: -1008, result: { suggest: 'review' } });
    expect((await inboxEntries({ type: 'wxa_media_check' })).map((entry) => entry._id).sort()).toEqual([passed, risky, unreachable].map((check) => `media:${check.traceId}`).sort());
    // Signed as WeChat signs: a forged copy of a verdict is refused.
    expect((await sandbox.control().forgePush('tamperedResigned', deliveries[0]?.pushId)).status).toBe(401);
  });

  it('an answer lost on the way back: WeChat re-sends, the BFF answers success again and handles the fact once', async () => {
    let lost = 1;
    sandbox.serve((incoming, outgoing) => {
      if (lost === 0) return void app.server(incoming, outgoing);
      lost -= 1;
      // The BFF gets and handles the first delivery, but WeChat never sees its answer.
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        void app.http
          .post(incoming.url ?? '')
          .set('Content-Type', 'application/json')
          .send(Buffer.concat(chunks).toString('utf8'))
          .then((handled) => {
            expect(handled.text).toBe('success');
            outgoing.writeHead(502);
            outgoing.end();
          });
      });
    });
    const { pushIds } = await sandbox.control().subscribe({ user: 'jay' }, 'orderStatus');
    expect(await sandbox.control().pushSettled(pushIds[0])).toEqual({ delivered: true, attempts: 2 });
    expect(recording.seen).toHaveLength(1);
    expect(await inboxEntries()).toEqual([expect.objectContaining({ state: 'handled', deliveries: 2, attempts: 1 })]);
  });
});

describe('development defaults', () => {
  it('npm run dev needs no push configuration: the BFF’s defaults are the sandbox’s', () => {
    const config = loadConfig({ MONGODB_URI: 'mongodb://127.0.0.1:1/unused' });
    expect([config.WECHAT_PUSH_TOKEN, config.WECHAT_PUSH_AES_KEY, config.WECHAT_PUSH_MODE]).toEqual([defaultPushSettings.token, defaultPushSettings.aesKey, defaultPushSettings.mode]);
  });
});

import { startWechatSandbox, type RunningWechatSandbox } from '../index';
import type { MessagePushWire } from '@cakeday/shared';
import { openPush, startPushReceiver, type PushReceiver } from './testSupport';

let sandbox: RunningWechatSandbox;
let receiver: PushReceiver | undefined;

beforeAll(async () => {
  sandbox = await startWechatSandbox();
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.control.reset());
afterEach(() => receiver?.stop());

async function receiving(answers: [number, string][] = []): Promise<PushReceiver> {
  receiver = await startPushReceiver(answers);
  sandbox.push.configure({ url: receiver.url, retryDelayMs: 0 });
  return receiver;
}

const sentEvent = (msgId: string): MessagePushWire => ({
  ToUserName: 'gh_cakedaysandbox',
  FromUserName: 'o-someone',
  CreateTime: 1_700_000_000,
  MsgType: 'event',
  Event: 'subscribe_msg_sent_event',
  List: { TemplateId: 't1', MsgID: msgId, ErrorCode: 0, ErrorStatus: 'success' },
});

describe('push deliveries', () => {
  it('retries until the receiver answers success: an error status, a wrong answer, then success', async () => {
    const target = await receiving([
      [500, 'oops'],
      [200, 'fail'],
    ]);
    const pushId = sandbox.push.pushEvent(sentEvent('1'));
    expect(await sandbox.push.settled(pushId)).toEqual({ delivered: true, attempts: 3 });
    expect(sandbox.push.deliveries().map((delivery) => [delivery.attempt, delivery.status, delivery.accepted])).toEqual([
      [1, 500, false],
      [2, 200, false],
      [3, 200, true],
    ]);
    // Each attempt is signed afresh (new nonce, new ciphertext), the event inside is the same.
    expect(new Set(target.received.map((push) => push.query.nonce)).size).toBe(3);
    expect(new Set(target.received.map((push) => push.body)).size).toBe(3);
    expect(new Set(target.received.map((push) => JSON.stringify(openPush(push))))).toEqual(new Set([JSON.stringify({ json: JSON.stringify(sentEvent('1')) })]));
  });

  it('gives up after 1 + retries attempts (WeChat: 3 retries); an empty answer counts as success', async () => {
    await receiving(Array.from({ length: 4 }, (): [number, string] => [503, '']));
    expect(await sandbox.push.settled(sandbox.push.pushEvent(sentEvent('2')))).toEqual({ delivered: false, attempts: 4 });
    sandbox.push.configure({ retries: 0 });
    expect(await sandbox.push.settled(sandbox.push.pushEvent(sentEvent('3')))).toEqual({ delivered: true, attempts: 1 });
    expect(sandbox.push.deliveries().at(-1)?.answer).toBe('success');
  });

  it('hold delays deliveries until release; duplicates arrive freshly signed; a replay is signed in the past', async () => {
    const target = await receiving();
    sandbox.push.hold();
    const pushId = sandbox.push.pushEvent(sentEvent('4'));
    expect(sandbox.push.deliveries()).toEqual([]);
    expect(sandbox.push.release()).toEqual([pushId]);
    await sandbox.push.settled(pushId);
    const duplicates = await sandbox.push.duplicate(pushId, 3);
    expect(duplicates.map((delivery) => [delivery.kind, delivery.accepted])).toEqual([
      ['duplicate', true],
      ['duplicate', true],
      ['duplicate', true],
    ]);
    const stale = await sandbox.push.replay(pushId, 600);
    expect(Math.floor(Date.now() / 1000) - Number(stale.query.timestamp)).toBeGreaterThanOrEqual(600);
    expect(target.received.every((push) => 'json' in openPush(push))).toBe(true);
  });

  it('forgeries fail a receiver that follows the rules: bad signature, unsigned, tampered (signed before or after), another appid', async () => {
    const target = await receiving();
    const pushId = sandbox.push.pushEvent(sentEvent('5'));
    await sandbox.push.settled(pushId);
    for (const kind of ['badSignature', 'unsigned', 'tampered', 'tamperedResigned', 'wrongAppid'] as const) await sandbox.push.forge(kind, pushId);
    expect(target.received.slice(1).map((push) => openPush(push))).toEqual([
      { refused: 'msg_signature' },
      { refused: 'msg_signature' },
      { refused: 'msg_signature' },
      { refused: expect.stringMatching(/ciphertext|appid/) },
      { refused: 'appid' },
    ]);
    sandbox.push.configure({ mode: 'plain' });
    await sandbox.push.forge('badSignature', pushId);
    expect(openPush(target.received.at(-1)!)).toEqual({ refused: 'signature' });
    await expect(sandbox.push.forge('tampered', pushId)).rejects.toThrow('plain mode');
  });

  it('raw JSON text keeps a MsgID as a bare 19-digit number, as some pushes carry it', async () => {
    const target = await receiving();
    sandbox.push.configure({ mode: 'plain' });
    const json = '{"ToUserName":"gh_cakedaysandbox","FromUserName":"o-x","CreateTime":1,"MsgType":"event","Event":"subscribe_msg_sent_event","List":{"TemplateId":"t1","MsgID":1864323726461255681,"ErrorCode":0,"ErrorStatus":"success"}}';
    await sandbox.push.settled(sandbox.push.pushEvent({ json, event: 'subscribe_msg_sent_event' }));
    expect(target.received[0]?.body).toBe(json);
  });

  it('the control API over HTTP: settings, events, outcome, forgeries, deliveries', async () => {
    const target = await receiving();
    const { control } = sandbox;
    expect(await control.configurePush({ mode: 'compatible', retries: 1 })).toMatchObject({ mode: 'compatible', retries: 1, url: target.url });
    const pushId = await control.pushEvent(sentEvent('6'));
    expect(await control.pushSettled(pushId)).toEqual({ delivered: true, attempts: 1 });
    expect((await control.duplicatePush('last', 2)).map((delivery) => delivery.kind)).toEqual(['duplicate', 'duplicate']);
    expect((await control.forgePush('wrongAppid')).kind).toBe('wrongAppid');
    expect((await control.replayPush(pushId, 900)).kind).toBe('stale');
    expect((await control.pushDeliveries()).map((delivery) => delivery.kind)).toEqual(['genuine', 'duplicate', 'duplicate', 'wrongAppid', 'stale']);
    await control.holdPushes();
    const held = await control.pushEvent(sentEvent('7'));
    expect(await control.releasePushes()).toEqual([held]);
    await expect(control.configurePush({ aesKey: 'short' })).rejects.toThrow('400');
    await expect(control.pushSettled('nope')).rejects.toThrow('404');
  });
});

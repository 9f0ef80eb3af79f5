import { startWechatSandbox, type RunningWechatSandbox } from '../index';
import { postJson, stableToken } from '../testSupport';
import { openPush, startPushReceiver, type PushReceiver } from './testSupport';

let sandbox: RunningWechatSandbox;
let receiver: PushReceiver;

beforeAll(async () => {
  sandbox = await startWechatSandbox();
});
afterAll(() => sandbox.stop());
beforeEach(async () => {
  await sandbox.control.reset();
  receiver = await startPushReceiver();
  sandbox.push.configure({ url: receiver.url, retryDelayMs: 0 });
});
afterEach(() => receiver.stop());

const opened = (index: number, options?: Parameters<typeof openPush>[1]): Record<string, unknown> => {
  const push = receiver.received[index];
  if (!push) throw new Error(`no push ${index}`);
  const result = openPush(push, options);
  if ('refused' in result) throw new Error(`push ${index} refused: ${result.refused}`);
  return JSON.parse(result.json) as Record<string, unknown>;
};

describe('subscription events pushed to the BFF', () => {
  it('an accept pushes subscribe_msg_popup_event (safe mode by default), List as one object, CreateTime an int', async () => {
    const { openid, pushIds } = await sandbox.control.subscribe({ user: 'alice' }, 'birthdayReminder', 'accept', 1, 1);
    expect(await sandbox.push.settled(pushIds[0] ?? '')).toEqual({ delivered: true, attempts: 1 });
    const [push] = receiver.received;
    expect(push?.query).toMatchObject({ encrypt_type: 'aes', msg_signature: expect.any(String), signature: expect.any(String) });
    expect(JSON.parse(push?.body ?? '{}')).toEqual({ ToUserName: 'gh_cakedaysandbox', Encrypt: expect.any(String) });
    expect(opened(0)).toEqual({
      ToUserName: 'gh_cakedaysandbox',
      FromUserName: openid,
      CreateTime: expect.any(Number),
      MsgType: 'event',
      Event: 'subscribe_msg_popup_event',
      List: { TemplateId: 'sandbox-tmpl-birthday-reminder', SubscribeStatusString: 'accept', PopupScene: '1' },
    });
  });

  it('one popup with several templates lists them all (an array); ban and filter are not pushed; each accept adds one send', async () => {
    const answered = await sandbox.control.answerPopup({ user: 'bob' }, [
      { template: 'birthdayReminder', result: 'accept' },
      { template: 'orderStatus', result: 'reject' },
      { template: 'helpSucceeded', result: 'ban' },
    ]);
    expect(answered.results.map((result) => [result.templateId, result.remaining])).toEqual([
      ['sandbox-tmpl-birthday-reminder', 1],
      ['sandbox-tmpl-order-status', 0],
      ['sandbox-tmpl-help-succeeded', 0],
    ]);
    await sandbox.push.settled(answered.pushId ?? '');
    expect(opened(0).List).toEqual([
      { TemplateId: 'sandbox-tmpl-birthday-reminder', SubscribeStatusString: 'accept', PopupScene: '0' },
      { TemplateId: 'sandbox-tmpl-order-status', SubscribeStatusString: 'reject', PopupScene: '0' },
    ]);
    expect((await sandbox.control.answerPopup({ user: 'bob' }, [{ template: 'orderStatus', result: 'filter' }])).pushId).toBeNull();
  });

  it('accepting twice is two popups, two pushes a second apart (WeChat tells events apart by FromUserName + CreateTime)', async () => {
    const { pushIds } = await sandbox.control.subscribe({ user: 'carol' }, 'birthdayReminder', 'accept', 2);
    expect(pushIds).toHaveLength(2);
    await Promise.all(pushIds.map((id) => sandbox.push.settled(id)));
    const [first, second] = [opened(0), opened(1)];
    expect(Number(second.CreateTime) - Number(first.CreateTime)).toBeGreaterThanOrEqual(1);
  });

  it('a change of mind pushes subscribe_msg_change_event (reject) and leaves no send', async () => {
    const { openid } = await sandbox.control.subscribe({ user: 'dan' }, 'benefitExpiring', 'accept', 2);
    const changed = await sandbox.control.changeSubscription({ user: 'dan' }, 'benefitExpiring');
    expect(changed.remaining).toBe(0);
    await sandbox.push.settled(changed.pushId);
    expect(opened(2)).toMatchObject({ FromUserName: openid, Event: 'subscribe_msg_change_event', List: { TemplateId: 'sandbox-tmpl-benefit-expiring', SubscribeStatusString: 'reject' } });
    expect(await sandbox.control.quotas(openid)).toEqual([{ openid, templateId: 'sandbox-tmpl-benefit-expiring', remaining: 0 }]);
  });

  it('a successful send answers a 19-digit msgid and pushes subscribe_msg_sent_event with the same MsgID; a refused send pushes nothing', async () => {
    const token = await stableToken(sandbox.url);
    const { openid, pushIds } = await sandbox.control.subscribe({ user: 'erin' }, 'birthdayReminder');
    await sandbox.push.settled(pushIds[0] ?? '');
    const message = {
      touser: openid,
      template_id: 'sandbox-tmpl-birthday-reminder',
      data: { thing1: { value: '生日礼已解锁' }, date2: { value: '2026年05月20日' }, thing3: { value: '进店出示会员码领取' } },
    };
    const response = await fetch(`${sandbox.url}/cgi-bin/message/subscribe/send?access_token=${token}`, { method: 'POST', body: JSON.stringify(message) });
    const text = await response.text();
    const msgid = /"msgid":(\d{19})}/.exec(text)?.[1];
    expect(msgid).toBeDefined();
    expect((await sandbox.control.outbox(openid))[0]?.msgid).toBe(msgid);
    await receiver.arrived(2);
    // The raw text: the MsgID is a string of the exact digits.
    expect(opened(1)).toEqual({
      ToUserName: 'gh_cakedaysandbox',
      FromUserName: openid,
      CreateTime: expect.any(Number),
      MsgType: 'event',
      Event: 'subscribe_msg_sent_event',
      List: { TemplateId: 'sandbox-tmpl-birthday-reminder', MsgID: msgid, ErrorCode: 0, ErrorStatus: 'success' },
    });
    expect((await postJson(sandbox.url, '/cgi-bin/message/subscribe/send', message, { access_token: token })).errcode).toBe(43101);
    expect(sandbox.push.deliveries().filter((delivery) => delivery.event === 'subscribe_msg_sent_event')).toHaveLength(1);
  });

  it('plain mode: the JSON as is, with signature over token, timestamp and nonce; compatible mode: plaintext and Encrypt together', async () => {
    sandbox.push.configure({ mode: 'plain' });
    await sandbox.push.settled((await sandbox.control.subscribe({ user: 'fay' }, 'orderStatus')).pushIds[0] ?? '');
    expect(receiver.received[0]?.query).not.toHaveProperty('msg_signature');
    expect(opened(0)).toMatchObject({ Event: 'subscribe_msg_popup_event' });
    expect(openPush({ ...receiver.received[0]!, query: { ...receiver.received[0]!.query, nonce: '1' } })).toEqual({ refused: 'signature' });
    sandbox.push.configure({ mode: 'compatible' });
    await sandbox.push.settled((await sandbox.control.subscribe({ user: 'fay' }, 'orderStatus')).pushIds[0] ?? '');
    const compatible = JSON.parse(receiver.received[1]?.body ?? '{}') as Record<string, unknown>;
    expect(compatible).toMatchObject({ Event: 'subscribe_msg_popup_event', Encrypt: expect.any(String) });
    expect(opened(1)).toMatchObject({ Event: 'subscribe_msg_popup_event', FromUserName: compatible.FromUserName });
  });

  it('no push URL: nothing is delivered, the quota still counts', async () => {
    sandbox.push.configure({ url: null });
    const { pushIds, remaining } = await sandbox.control.subscribe({ user: 'gus' }, 'orderStatus');
    expect(remaining).toBe(1);
    expect(await sandbox.push.settled(pushIds[0] ?? '')).toEqual({ delivered: false, attempts: 0 });
    expect(receiver.received).toEqual([]);
  });
});

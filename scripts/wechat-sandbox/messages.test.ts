import { postJson, stableToken, useSandbox } from './testSupport';

const { sandbox } = useSandbox();

const reminder = {
  template_id: 'sandbox-tmpl-birthday-reminder',
  page: 'pages/birthday/index?from=message',
  data: { thing1: { value: '生日礼已解锁' }, date2: { value: '2026年05月20日' }, thing3: { value: '进店出示会员码领取' } },
};

describe('subscribe/send', () => {
  it('sends exactly as many times as the user accepted, then 43101; the outbox holds what was sent', async () => {
    const { url, control } = sandbox();
    const token = await stableToken(url);
    const { openid } = await control.subscribe({ user: 'alice' }, 'birthdayReminder', 'accept', 2);
    await control.subscribe({ user: 'alice' }, 'birthdayReminder', 'reject');
    const send = (): Promise<{ errcode?: number }> => postJson(url, '/cgi-bin/message/subscribe/send', { touser: openid, ...reminder }, { access_token: token });
    expect([(await send()).errcode, (await send()).errcode, (await send()).errcode]).toEqual([0, 0, 43101]);
    const outbox = await control.outbox(openid);
    expect(outbox).toHaveLength(2);
    expect(outbox[0]).toMatchObject({ touser: openid, templateId: reminder.template_id, page: reminder.page, data: { thing1: '生日礼已解锁' }, miniprogramState: 'formal' });
    await control.subscribe({ user: 'alice' }, 'sandbox-tmpl-birthday-reminder');
    expect((await send()).errcode).toBe(0);
    expect(await control.quotas(openid)).toEqual([{ openid, templateId: reminder.template_id, remaining: 0 }]);
  });

  it('a late answer: the send takes effect (outbox) before its answer comes; later sends answer at once', async () => {
    const { url, control } = sandbox();
    const token = await stableToken(url);
    const { openid } = await control.subscribe({ user: 'carol' }, 'birthdayReminder', 'accept', 2);
    await control.answerLate('subscribe.send', 3000);
    let answered = false;
    const late = postJson(url, '/cgi-bin/message/subscribe/send', { touser: openid, ...reminder }, { access_token: token }).finally(() => {
      answered = true;
    });
    while ((await control.outbox(openid)).length === 0) expect(answered).toBe(false);
    expect(answered).toBe(false);
    expect((await late).errcode).toBe(0);
    expect((await postJson(url, '/cgi-bin/message/subscribe/send', { touser: openid, ...reminder }, { access_token: token })).errcode).toBe(0);
    expect(await control.outbox(openid)).toHaveLength(2);
  });

  it('47003 names the offending key; 40037 unknown template; 40003 unknown openid; 41030 page not in the app; none uses quota', async () => {
    const { url, control } = sandbox();
    const token = await stableToken(url);
    const { openid } = await control.subscribe({ user: 'bob' }, 'orderStatus');
    const send = (body: object): Promise<{ errcode?: number; errmsg?: string }> =>
      postJson(url, '/cgi-bin/message/subscribe/send', body, { access_token: token });
    const order = {
      touser: openid,
      template_id: 'sandbox-tmpl-order-status',
      data: { character_string1: { value: 'CD20260510001' }, phrase2: { value: '配送中' }, amount3: { value: '¥128.00' }, time4: { value: '2026-05-10 12:00' } },
    };
    const tooLongPhrase = await send({ ...order, data: { ...order.data, phrase2: { value: '正在配送中了' } } });
    expect(tooLongPhrase.errcode).toBe(47003);
    expect(tooLongPhrase.errmsg).toContain('phrase2');
    const latinPhrase = await send({ ...order, data: { ...order.data, phrase2: { value: 'ok' } } });
    expect([latinPhrase.errcode, latinPhrase.errmsg?.includes('phrase2')]).toEqual([47003, true]);
    const badAmount = await send({ ...order, data: { ...order.data, amount3: { value: '一百元' } } });
    expect(badAmount.errmsg).toContain('amount3');
    expect((await send({ ...order, template_id: 'nope' })).errcode).toBe(40037);
    expect((await send({ ...order, touser: 'o-nobody' })).errcode).toBe(40003);
    expect((await send({ ...order, page: 'pages/missing/index' })).errcode).toBe(41030);
    expect((await send({ ...order, page: 'pages/me/index?tab=orders' })).errcode).toBe(0);
    expect((await send(order)).errcode).toBe(43101);
  });

  it('a thing value over 20 characters is refused', async () => {
    const { url, control } = sandbox();
    const token = await stableToken(url);
    const { openid } = await control.subscribe({ user: 'carol' }, 'birthdayReminder');
    const answer = await postJson(url, '/cgi-bin/message/subscribe/send', { touser: openid, ...reminder, data: { ...reminder.data, thing3: { value: '一'.repeat(21) } } }, { access_token: token });
    expect([answer.errcode, answer.errmsg?.includes('thing3')]).toEqual([47003, true]);
  });
});

import { parseMessagePush, parseWechatJson } from './messagePush.schema.js';

const envelope = { ToUserName: 'gh_123456789abc', FromUserName: 'o-member-1', MsgType: 'event' };

describe('parseMessagePush', () => {
  it('a popup List as one object and as an array gives one event per template; CreateTime as a string or an int', () => {
    const one = parseMessagePush({ ...envelope, CreateTime: '1620973045', Event: 'subscribe_msg_popup_event', List: { TemplateId: 't1', SubscribeStatusString: 'accept', PopupScene: '2' } });
    expect(one).toEqual({ kind: 'events', events: [{ type: 'subscribe_msg_popup_event', openid: 'o-member-1', createTime: 1620973045, templateId: 't1', status: 'accept', popupScene: 2 }] });
    const several = parseMessagePush({
      ...envelope,
      CreateTime: 1620973045,
      Event: 'subscribe_msg_popup_event',
      List: [
        { TemplateId: 't1', SubscribeStatusString: 'accept', PopupScene: 0 },
        { TemplateId: 't2', SubscribeStatusString: 'reject' },
      ],
    });
    expect(several).toEqual({
      kind: 'events',
      events: [
        { type: 'subscribe_msg_popup_event', openid: 'o-member-1', createTime: 1620973045, templateId: 't1', status: 'accept', popupScene: 0 },
        { type: 'subscribe_msg_popup_event', openid: 'o-member-1', createTime: 1620973045, templateId: 't2', status: 'reject', popupScene: null },
      ],
    });
  });

  it('change and sent events; ErrorCode quoted or not; MsgID as text or number', () => {
    expect(parseMessagePush({ ...envelope, CreateTime: 1, Event: 'subscribe_msg_change_event', List: { TemplateId: 't1', SubscribeStatusString: 'reject' } })).toEqual({
      kind: 'events',
      events: [{ type: 'subscribe_msg_change_event', openid: 'o-member-1', createTime: 1, templateId: 't1', status: 'reject' }],
    });
    const sent = parseMessagePush({
      ...envelope,
      CreateTime: 2,
      Event: 'subscribe_msg_sent_event',
      List: [
        { TemplateId: 't1', MsgID: '1864323726461255680', ErrorCode: '0', ErrorStatus: 'success' },
        { TemplateId: 't1', MsgID: 42, ErrorCode: 10005, ErrorStatus: 'failed:user block' },
      ],
    });
    expect(sent).toMatchObject({ kind: 'events', events: [{ msgId: '1864323726461255680', errorCode: 0 }, { msgId: '42', errorCode: 10005, errorStatus: 'failed:user block' }] });
  });

  it('a media verdict with the label as a string or a number; a failed download keeps its errcode and no verdict', () => {
    const media = { ...envelope, CreateTime: 3, Event: 'wxa_media_check', appid: 'wx0000000000000000', trace_id: 'trace-1', version: 2 };
    expect(parseMessagePush({ ...media, errcode: 0, errmsg: 'ok', result: { suggest: 'risky', label: '20002' }, detail: [{ strategy: 'content_model', errcode: 0, suggest: 'risky', label: 20002, prob: 90 }] })).toEqual({
      kind: 'events',
      events: [
        {
          type: 'wxa_media_check',
          openid: 'o-member-1',
          createTime: 3,
          appid: 'wx0000000000000000',
          traceId: 'trace-1',
          version: 2,
          errcode: 0,
          errmsg: 'ok',
          result: { suggest: 'risky', label: 20002 },
          detail: [{ strategy: 'content_model', errcode: 0, suggest: 'risky', label: 20002, prob: 90 }],
        },
      ],
    });
    expect(parseMessagePush({ ...media, errcode: -1008, errmsg: 'media download failed' })).toMatchObject({ kind: 'events', events: [{ errcode: -1008, result: null, detail: [] }] });
  });

  it('other events are ignored; a known event of the wrong shape is invalid', () => {
    expect(parseMessagePush({ ...envelope, CreateTime: 1, Event: 'user_enter_tempsession' })).toEqual({ kind: 'ignored', event: 'user_enter_tempsession' });
    expect(parseMessagePush('not an object')).toEqual({ kind: 'ignored', event: '(none)' });
    const invalid = parseMessagePush({ ...envelope, CreateTime: 'yesterday', Event: 'subscribe_msg_popup_event', List: [] });
    expect(invalid.kind).toBe('invalid');
  });
});

describe('parseWechatJson', () => {
  it('keeps every digit of a 19-digit msgid / MsgID, and leaves other numbers as numbers', () => {
    expect(parseWechatJson('{"errcode":0,"errmsg":"ok","msgid":3179593435457478657}')).toEqual({ errcode: 0, errmsg: 'ok', msgid: '3179593435457478657' });
    expect(parseWechatJson('{"List":[{"MsgID": 1864323726461255681 ,"ErrorCode":0}]}')).toEqual({ List: [{ MsgID: '1864323726461255681', ErrorCode: 0 }] });
    expect(parseWechatJson('{"text":"\\"msgid\\":12","n":12}')).toEqual({ text: '"msgid":12', n: 12 });
  });
});

import { z } from 'zod';

/*
 * WeChat's message push (消息推送) events in JSON mode, as WeChat sends them ("wire") and as the BFF hands them to
 * its handlers ("events", one per fact). They come from WeChat, not from our clients: the BFF parses them after the
 * signature checked out, and the WeChat sandbox builds them. WeChat's quirks, normalised here:
 * - `List` is an object when there is one item and an array when there are several;
 * - `CreateTime` is documented as a string and arrives as an int (both are taken);
 * - `label`, `ErrorCode`, `PopupScene` and `version` come as numbers or as digit strings;
 * - `MsgID` is a 19-digit number, beyond what a JSON number keeps exactly: parseWechatJson reads it as a string.
 */

const digits = (pattern: RegExp) => z.string().regex(pattern);
/** Unix seconds, as an int or as a digit string. */
const unixSeconds = z.union([z.number().int().nonnegative(), digits(/^\d{1,12}$/).transform(Number)]);
/** An integer WeChat may quote. */
const integer = z.union([z.number().int(), digits(/^-?\d{1,12}$/).transform(Number)]);
/** An id WeChat may send as a number or a string; kept as a string. */
const idText = z.union([z.string().min(1).max(64), z.number().int().nonnegative().transform(String)]);

/** One item, or several: always an array afterwards. */
function oneOrMany<T extends z.ZodType>(item: T) {
  return z.union([z.array(item).min(1).max(100), item.transform((one) => [one])]);
}

const envelope = {
  /** The mini-program's original id (gh_…). */
  ToUserName: z.string().max(64),
  /** The member's openid. */
  FromUserName: z.string().min(1).max(64),
  CreateTime: unixSeconds,
  MsgType: z.literal('event'),
};

const subscribeStatus = z.enum(['accept', 'reject']);
const suggestion = z.enum(['pass', 'review', 'risky']);

export const subscribeMsgPopupWire = z.object({
  ...envelope,
  Event: z.literal('subscribe_msg_popup_event'),
  List: oneOrMany(z.object({ TemplateId: z.string().min(1).max(128), SubscribeStatusString: subscribeStatus, PopupScene: integer.optional() })),
});

/** Pushed when the member changes their mind in 服务通知 or the settings page (in practice: reject). */
export const subscribeMsgChangeWire = z.object({
  ...envelope,
  Event: z.literal('subscribe_msg_change_event'),
  List: oneOrMany(z.object({ TemplateId: z.string().min(1).max(128), SubscribeStatusString: subscribeStatus })),
});

/** The delivery receipt of a subscribeMessage.send: `MsgID` is the send's `msgid`; ErrorCode 0 is delivered. */
export const subscribeMsgSentWire = z.object({
  ...envelope,
  Event: z.literal('subscribe_msg_sent_event'),
  List: oneOrMany(z.object({ TemplateId: z.string().min(1).max(128), MsgID: idText, ErrorCode: integer, ErrorStatus: z.string().max(128) })),
});

const mediaResult = z.object({ suggest: suggestion, label: integer });

/** The verdict of a mediaCheckAsync (v2), matched to its request by `trace_id` (WeChat does not echo the URL). */
export const wxaMediaCheckWire = z.object({
  ...envelope,
  Event: z.literal('wxa_media_check'),
  appid: z.string().max(64),
  trace_id: z.string().min(1).max(128),
  version: integer,
  errcode: integer.optional(),
  errmsg: z.string().max(256).optional(),
  result: mediaResult.optional(),
  detail: z
    .array(z.object({ strategy: z.string().max(64), errcode: integer, suggest: suggestion.optional(), label: integer.optional(), prob: integer.optional() }))
    .max(50)
    .default([]),
});

export const messagePushWire = z.discriminatedUnion('Event', [subscribeMsgPopupWire, subscribeMsgChangeWire, subscribeMsgSentWire, wxaMediaCheckWire]);

/** What WeChat may send for one event (quirks allowed): what the sandbox builds. */
export type MessagePushWire = z.input<typeof messagePushWire>;
export type MessagePushEventName = MessagePushWire['Event'];
export const messagePushEventNames: readonly MessagePushEventName[] = ['subscribe_msg_popup_event', 'subscribe_msg_change_event', 'subscribe_msg_sent_event', 'wxa_media_check'];

interface PushedFact {
  /** The member's openid (FromUserName). */
  openid: string;
  /** When WeChat created the event, unix seconds. */
  createTime: number;
}

/** The member answered a subscription popup for one template (each accept allows one later send). */
export interface SubscribePopupEvent extends PushedFact {
  type: 'subscribe_msg_popup_event';
  templateId: string;
  status: 'accept' | 'reject';
  /** 0 in a page, 1 after payment...; null when WeChat did not say. */
  popupScene: number | null;
}

export interface SubscribeChangeEvent extends PushedFact {
  type: 'subscribe_msg_change_event';
  templateId: string;
  status: 'accept' | 'reject';
}

export interface SubscribeSentEvent extends PushedFact {
  type: 'subscribe_msg_sent_event';
  templateId: string;
  /** The send's msgid, exactly (a string: it does not fit a JSON number). */
  msgId: string;
  /** 0 when delivered. */
  errorCode: number;
  errorStatus: string;
}

export interface MediaCheckEvent extends PushedFact {
  type: 'wxa_media_check';
  appid: string;
  traceId: string;
  version: number;
  /** 0 when WeChat checked the media; otherwise it could not (e.g. the URL could not be downloaded). */
  errcode: number;
  errmsg: string;
  /** The verdict; null when WeChat gave none. Only a checked `pass` is a pass. */
  result: { suggest: 'pass' | 'review' | 'risky'; label: number } | null;
  detail: { strategy: string; errcode: number; suggest: 'pass' | 'review' | 'risky' | null; label: number | null; prob: number | null }[];
}

/** One fact WeChat pushed: a popup, change or sent event is split into one per `List` item. */
export type MessagePushEvent = SubscribePopupEvent | SubscribeChangeEvent | SubscribeSentEvent | MediaCheckEvent;
export type MessagePushEventType = MessagePushEvent['type'];

/** Big integers under these keys are read as strings, digit for digit (WeChat's msgid is 19 digits). */
const EXACT_ID_KEYS = /("(?:MsgID|MsgId|msgid|msg_id)"\s*:\s*)(-?\d+)(?=\s*[,}\]])/g;

/** JSON.parse, except that message ids (send answers, sent events) keep every digit as strings. */
export function parseWechatJson(text: string): unknown {
  return JSON.parse(text.replace(EXACT_ID_KEYS, '$1"$2"'));
}

export type ParsedMessagePush =
  | { kind: 'events'; events: MessagePushEvent[] }
  /** An event we do not take (another Event, or not an event at all): answered, not recorded. */
  | { kind: 'ignored'; event: string }
  /** A known event that does not fit its shape. */
  | { kind: 'invalid'; event: MessagePushEventName; issues: string[] };

function toEvents(wire: z.output<typeof messagePushWire>): MessagePushEvent[] {
  const fact = { openid: wire.FromUserName, createTime: wire.CreateTime };
  switch (wire.Event) {
    case 'subscribe_msg_popup_event':
      return wire.List.map((item) => ({ ...fact, type: wire.Event, templateId: item.TemplateId, status: item.SubscribeStatusString, popupScene: item.PopupScene ?? null }));
    case 'subscribe_msg_change_event':
      return wire.List.map((item) => ({ ...fact, type: wire.Event, templateId: item.TemplateId, status: item.SubscribeStatusString }));
    case 'subscribe_msg_sent_event':
      return wire.List.map((item) => ({ ...fact, type: wire.Event, templateId: item.TemplateId, msgId: item.MsgID, errorCode: item.ErrorCode, errorStatus: item.ErrorStatus }));
    case 'wxa_media_check':
      return [
        {
          ...fact,
          type: wire.Event,
          appid: wire.appid,
          traceId: wire.trace_id,
          version: wire.version,
          errcode: wire.errcode ?? 0,
          errmsg: wire.errmsg ?? '',
          result: wire.result ?? null,
          detail: wire.detail.map((row) => ({ strategy: row.strategy, errcode: row.errcode, suggest: row.suggest ?? null, label: row.label ?? null, prob: row.prob ?? null })),
        },
      ];
  }
}

const isKnown = (name: unknown): name is MessagePushEventName => typeof name === 'string' && (messagePushEventNames as readonly string[]).includes(name);

/** A verified push body (already JSON-parsed) as the facts it carries, normalised. */
export function parseMessagePush(body: unknown): ParsedMessagePush {
  const name = typeof body === 'object' && body !== null ? (body as { Event?: unknown }).Event : undefined;
  if (!isKnown(name)) return { kind: 'ignored', event: typeof name === 'string' ? name.slice(0, 64) : '(none)' };
  const parsed = messagePushWire.safeParse(body);
  if (!parsed.success) return { kind: 'invalid', event: name, issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
  return { kind: 'events', events: toEvents(parsed.data) };
}

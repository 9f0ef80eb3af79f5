import { templates } from './config';
import type { SubscriptionPushes } from './push/subscriptionPushes';
import { type Endpoint, fail } from './endpoint';
import { str } from './http';
import { invalidDataKey } from './templateRules';

export const quotaKey = (openid: string, templateId: string): string => `${openid} ${templateId}`;

/** The route part of a `page` (`pages/me/index?tab=1` -> `pages/me/index`). */
const routeOf = (page: string): string => page.split('?')[0] ?? '';

/** WeChat's msgid: 19 digits, more than a JSON number holds exactly (the BFF must read it as text). */
function nextMsgid(state: { now(): number; data: { outbox: unknown[] } }): string {
  return (BigInt(state.now()) * 1_000_000n + BigInt(state.data.outbox.length % 1_000_000)).toString();
}

/** After each successful send, the `subscribe_msg_sent_event` receipt with the same MsgID is pushed. */
export function subscribeSendEndpoint(pages: readonly string[], pushes: SubscriptionPushes): Endpoint {
  return {
    name: 'subscribe.send',
    method: 'POST',
    path: '/cgi-bin/message/subscribe/send',
    needsToken: true,
    handle({ state, body, appid }) {
      if (!body) return fail(47001, 'data format error');
      const touser = str(body.touser) ?? '';
      if (!touser || !state.userByOpenid(touser)) return fail(40003, 'invalid openid');
      const template = templates.find((candidate) => candidate.templateId === body.template_id);
      if (!template) return fail(40037, 'invalid template_id');
      const page = str(body.page);
      if (page !== undefined && page !== '' && !pages.includes(routeOf(page))) return fail(41030, 'invalid page');
      const data = typeof body.data === 'object' && body.data !== null ? (body.data as Record<string, unknown>) : null;
      if (!data) return fail(47003, 'argument invalid! data is empty');
      const badKey = invalidDataKey(template, data);
      if (badKey) return fail(47003, `argument invalid! data.${badKey}.value invalid`);
      const key = quotaKey(touser, template.templateId);
      const remaining = state.data.quotas[key] ?? 0;
      if (remaining <= 0) return fail(43101, 'user refuse to accept the msg');
      state.data.quotas[key] = remaining - 1;
      const msgid = nextMsgid(state);
      state.data.outbox.push({
        at: state.now(),
        msgid,
        appid,
        touser,
        templateId: template.templateId,
        page: page || undefined,
        data: Object.fromEntries(Object.entries(data).map(([name, entry]) => [name, String((entry as { value: string }).value)])),
        miniprogramState: str(body.miniprogram_state) ?? 'formal',
        lang: str(body.lang) ?? 'zh_CN',
      });
      pushes.sent(touser, template.templateId, msgid);
      // Written by hand: msgid goes out as a bare number, as WeChat sends it.
      return { bytes: Buffer.from(`{"errcode":0,"errmsg":"ok","msgid":${msgid}}`), contentType: 'application/json; charset=utf-8' };
    },
  };
}

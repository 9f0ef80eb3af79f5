import type { ServerResponse } from 'node:http';
import type { z } from 'zod';
import { templates } from './config';
import {
  clockBody,
  expireTokensBody,
  faultBody,
  lateAnswerBody,
  loginCodeBody,
  msgSecRule,
  msgSecRulesBody,
  phoneCodeBody,
  riskRankBody,
  settingsBody,
  subscriptionBody,
  subscriptionChangeBody,
  subscriptionPopupBody,
  upsertUserBody,
  userRef,
} from './controlSchemas';
import type { SandboxHandler } from './handler';
import { parseJsonObject, sendJson } from './http';
import { CODE_TTL_MS } from './loginApi';
import { quotaKey } from './messageApi';
import type { SubscriptionPushes } from './push/subscriptionPushes';
import { opaque, type SandboxState, type SandboxUser } from './state';
import { expireTokens } from './tokens';

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
  'Access-Control-Max-Age': '600',
};

export const CONTROL_PREFIX = '/__sandbox';

class BadRequest extends Error {}

function parse<T extends z.ZodType>(schema: T, rawBody: Buffer): z.infer<T> {
  const parsed = schema.safeParse(parseJsonObject(rawBody) ?? {});
  if (!parsed.success) throw new BadRequest(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '));
  return parsed.data;
}

const presentUser = (user: SandboxUser): Record<string, unknown> => ({ ...user });

/** What the control routes need besides the state: the pushes a person's choices make, and the rest of a reset. */
export interface ControlHooks {
  subscriptions: SubscriptionPushes;
  onReset: () => void;
}

type Route = (state: SandboxState, rawBody: Buffer, url: URL, hooks: ControlHooks) => unknown;

function templateOf(reference: string): (typeof templates)[number] {
  const template = templates.find((candidate) => candidate.templateId === reference || candidate.key === reference);
  if (!template) throw new BadRequest(`unknown template ${reference}`);
  return template;
}

type Choice = { templateId: string; result: 'accept' | 'reject' | 'ban' | 'filter' };

/** A person answers one popup: each accept adds one send (reject, ban and filter leave the quota); WeChat pushes the answer. */
function answerPopup(state: SandboxState, hooks: ControlHooks, openid: string, choices: Choice[], popupScene: number): { results: (Choice & { remaining: number })[]; pushId: string | null } {
  const results = choices.map((choice) => {
    const key = quotaKey(openid, choice.templateId);
    if (choice.result === 'accept') state.data.quotas[key] = (state.data.quotas[key] ?? 0) + 1;
    return { ...choice, remaining: state.data.quotas[key] ?? 0 };
  });
  return { results, pushId: hooks.subscriptions.popup(openid, choices, popupScene) };
}

function mintCode(state: SandboxState, kind: 'login' | 'phone', rawBody: Buffer): { code: string; openid: string } {
  const body = parse(phoneCodeBody, rawBody);
  const user = state.user(parse(userRef, rawBody));
  const appid = body.appid ?? state.defaultAppid();
  if (!state.app(appid)) throw new BadRequest(`unknown appid ${appid}`);
  const code = opaque(kind === 'login' ? '' : 'ph', 24);
  const issued = { code, appid, openid: user.openid, expiresAt: state.now() + CODE_TTL_MS, phone: kind === 'phone' ? (body.phone ?? user.phone) : undefined };
  (kind === 'login' ? state.data.loginCodes : state.data.phoneCodes).push(issued);
  return { code, openid: user.openid };
}

const routes: Record<string, Route> = {
  'GET /users': (state) => ({ users: state.data.users.map(presentUser) }),
  'POST /users': (state, rawBody) => {
    const body = parse(upsertUserBody, rawBody);
    const user = state.user(parse(userRef, rawBody));
    if (body.unionid !== undefined) user.unionid = body.unionid ?? undefined;
    if (body.phone) user.phone = body.phone;
    if (body.riskRank !== undefined) user.riskRank = body.riskRank;
    return presentUser(user);
  },
  'POST /login-codes': (state, rawBody) => {
    parse(loginCodeBody, rawBody);
    return mintCode(state, 'login', rawBody);
  },
  'POST /phone-codes': (state, rawBody) => mintCode(state, 'phone', rawBody),
  'POST /visits': (state, rawBody) => {
    const user = state.user(parse(userRef, rawBody));
    user.lastVisitAt = state.now();
    return presentUser(user);
  },
  'POST /subscriptions': (state, rawBody, _url, hooks) => {
    const body = parse(subscriptionBody, rawBody);
    const user = state.user(parse(userRef, rawBody));
    const template = templateOf(body.template);
    const pushIds: string[] = [];
    for (let time = 0; time < body.times; time += 1) {
      const { pushId } = answerPopup(state, hooks, user.openid, [{ templateId: template.templateId, result: body.result }], body.popupScene);
      if (pushId) pushIds.push(pushId);
    }
    return { openid: user.openid, templateId: template.templateId, result: body.result, remaining: state.data.quotas[quotaKey(user.openid, template.templateId)] ?? 0, pushIds };
  },
  'POST /subscription-popups': (state, rawBody, _url, hooks) => {
    const body = parse(subscriptionPopupBody, rawBody);
    const user = state.user(parse(userRef, rawBody));
    const choices = body.choices.map((choice) => ({ templateId: templateOf(choice.template).templateId, result: choice.result }));
    return { openid: user.openid, ...answerPopup(state, hooks, user.openid, choices, body.popupScene) };
  },
  'POST /subscriptions/change': (state, rawBody, _url, hooks) => {
    const body = parse(subscriptionChangeBody, rawBody);
    const user = state.user(parse(userRef, rawBody));
    const template = templateOf(body.template);
    // Turned off: what was accepted before can no longer be sent (43101).
    state.data.quotas[quotaKey(user.openid, template.templateId)] = 0;
    return { openid: user.openid, templateId: template.templateId, remaining: 0, pushId: hooks.subscriptions.change(user.openid, template.templateId) };
  },
  'GET /subscriptions': (state, _rawBody, url) => {
    const openid = url.searchParams.get('openid');
    const quotas = Object.entries(state.data.quotas)
      .map(([key, remaining]) => {
        const [owner = '', templateId = ''] = key.split(' ');
        return { openid: owner, templateId, remaining };
      })
      .filter((quota) => !openid || quota.openid === openid);
    return { quotas };
  },
  'GET /outbox': (state, _rawBody, url) => {
    const openid = url.searchParams.get('openid');
    return { messages: openid ? state.outboxOf(openid) : state.data.outbox };
  },
  'POST /risk-ranks': (state, rawBody) => {
    const body = parse(riskRankBody, rawBody);
    const user = state.user(parse(userRef, rawBody));
    user.riskRank = body.riskRank;
    return presentUser(user);
  },
  'GET /msg-sec-rules': (state) => ({ rules: state.data.msgSecRules }),
  'PUT /msg-sec-rules': (state, rawBody) => {
    state.data.msgSecRules = parse(msgSecRulesBody, rawBody).rules;
    return { rules: state.data.msgSecRules };
  },
  'POST /msg-sec-rules': (state, rawBody) => {
    state.data.msgSecRules.push(parse(msgSecRule, rawBody));
    return { rules: state.data.msgSecRules };
  },
  'POST /faults': (state, rawBody) => {
    const body = parse(faultBody, rawBody);
    state.data.faults.push({ endpoint: body.endpoint, errcode: body.errcode, remaining: body.count });
    return { faults: state.data.faults };
  },
  'POST /late-answers': (state, rawBody) => {
    const body = parse(lateAnswerBody, rawBody);
    state.data.lateAnswers.push({ endpoint: body.endpoint, delayMs: body.delayMs, remaining: body.count });
    return { lateAnswers: state.data.lateAnswers };
  },
  'POST /settings': (state, rawBody) => {
    const body = parse(settingsBody, rawBody);
    if (body.reusedCodeErrcode) state.data.reusedCodeErrcode = body.reusedCodeErrcode;
    return { reusedCodeErrcode: state.data.reusedCodeErrcode };
  },
  'POST /tokens/expire': (state, rawBody) => ({ expired: expireTokens(state, parse(expireTokensBody, rawBody).appid) }),
  'POST /clock': (state, rawBody) => {
    state.data.clockOffsetSeconds += parse(clockBody, rawBody).advanceSeconds;
    return { offsetSeconds: state.data.clockOffsetSeconds, now: new Date(state.now()).toISOString() };
  },
  'GET /calls': (state) => ({ calls: state.data.calls }),
  'GET /config': (state) => ({ apps: state.data.apps.map((app) => ({ appid: app.appid })), templates }),
  'POST /reset': (state, _rawBody, _url, hooks) => {
    state.reset();
    hooks.onReset();
    return { ok: true };
  },
};

function answer(response: ServerResponse, status: number, body: unknown): void {
  sendJson(response, status, body, CORS);
}

/** /__sandbox/*: the test and development controls (absent on WeChat's hosts); open to any origin. */
export function createControlApi(state: SandboxState, hooks: ControlHooks): SandboxHandler {
  return async (request, response, rawBody, url) => {
    if (url.pathname !== CONTROL_PREFIX && !url.pathname.startsWith(`${CONTROL_PREFIX}/`)) return false;
    if (request.method === 'OPTIONS') {
      response.writeHead(204, CORS);
      response.end();
      return true;
    }
    const route = routes[`${request.method} ${url.pathname.slice(CONTROL_PREFIX.length)}`];
    if (!route) {
      answer(response, 404, { error: `no control route ${request.method} ${url.pathname}` });
      return true;
    }
    try {
      const result = route(state, rawBody, url, hooks);
      state.save();
      answer(response, 200, result);
    } catch (error) {
      if (!(error instanceof BadRequest)) throw error;
      answer(response, 400, { error: error.message });
    }
    return true;
  };
}

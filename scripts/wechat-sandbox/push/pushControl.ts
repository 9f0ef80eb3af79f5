import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import type { SandboxHandler } from '../handler';
import type { SandboxState } from '../state';
import { ForgeryNotPossible, PushNotFound } from './pusher';
import type { PushSandbox } from './pushSandbox';
import { pushSettingsPatch } from './pushSettings';

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
  'Access-Control-Max-Age': '600',
};

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...CORS });
  response.end(JSON.stringify(body));
}

class BadRequest extends Error {}

function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new BadRequest(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '));
  return parsed.data;
}

const eventBody = z.union([
  z.object({ json: z.string().min(2), event: z.string().min(1) }),
  z.object({ event: z.looseObject({ Event: z.string().min(1) }) }),
]);
const mediaCheckRule = z
  .object({
    urlContains: z.string().min(1).optional(),
    sha256: z.string().regex(/^[0-9a-fA-F]{64}$/).optional(),
    suggest: z.enum(['pass', 'review', 'risky']),
    label: z.number().int(),
  })
  .refine((rule) => rule.urlContains !== undefined || rule.sha256 !== undefined, 'give urlContains or sha256');
const forgeBody = z.object({ kind: z.enum(['badSignature', 'unsigned', 'tampered', 'tamperedResigned', 'wrongAppid']) });

type Route = [method: string, pattern: RegExp, run: (match: string[], body: unknown) => unknown];

/** `/__sandbox/push/...` and `/__sandbox/media-check...`: the message push's control API (README: "Message push"). */
export function createPushControlHandler(state: SandboxState, push: PushSandbox): SandboxHandler {
  const { control } = push;
  const pushRef = (id: string): string | undefined => (id === 'last' ? undefined : id);
  const routes: Route[] = [
    ['GET', /^\/push\/settings$/, () => control.settings()],
    ['POST', /^\/push\/settings$/, (_match, body) => control.configure(parse(pushSettingsPatch, body))],
    [
      'POST',
      /^\/push\/events$/,
      (_match, body) => {
        const parsed = parse(eventBody, body);
        // A wire event as given (its shape is the test's business: quirks and all).
        return { pushId: control.pushEvent('json' in parsed ? parsed : { json: JSON.stringify(parsed.event), event: parsed.event.Event }) };
      },
    ],
    ['GET', /^\/push\/deliveries$/, () => ({ deliveries: control.deliveries() })],
    ['GET', /^\/push\/pushes\/([^/]+)\/outcome$/, ([, id = '']) => control.settled(pushRef(id) ?? control.lastPushId() ?? '')],
    ['POST', /^\/push\/pushes\/([^/]+)\/duplicate$/, async ([, id = ''], body) => ({ deliveries: await control.duplicate(pushRef(id), parse(z.object({ times: z.number().int().min(1).max(50).default(1) }), body).times) })],
    ['POST', /^\/push\/pushes\/([^/]+)\/replay$/, ([, id = ''], body) => control.replay(pushRef(id), parse(z.object({ ageSeconds: z.number().int().min(1).default(600) }), body).ageSeconds)],
    ['POST', /^\/push\/pushes\/([^/]+)\/forge$/, ([, id = ''], body) => control.forge(parse(forgeBody, body).kind, pushRef(id))],
    [
      'POST',
      /^\/push\/hold$/,
      () => {
        control.hold();
        return { holding: true };
      },
    ],
    ['POST', /^\/push\/release$/, () => ({ pushIds: control.release() })],
    ['GET', /^\/media-checks$/, () => ({ checks: control.mediaChecks() })],
    ['POST', /^\/media-checks\/deliver$/, async (_match, body) => ({ deliveries: await control.deliverMediaVerdicts(parse(z.object({ traceId: z.string().optional() }), body).traceId) })],
    ['GET', /^\/media-check-rules$/, () => ({ rules: state.data.mediaCheckRules })],
    [
      'PUT',
      /^\/media-check-rules$/,
      (_match, body) => {
        state.data.mediaCheckRules = parse(z.object({ rules: z.array(mediaCheckRule) }), body).rules;
        state.save();
        return { rules: state.data.mediaCheckRules };
      },
    ],
    [
      'POST',
      /^\/media-check-rules$/,
      (_match, body) => {
        state.data.mediaCheckRules.push(parse(mediaCheckRule, body));
        state.save();
        return { rules: state.data.mediaCheckRules };
      },
    ],
  ];

  return async (request, response, rawBody, url) => {
    const prefix = '/__sandbox';
    const path = url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length) : '';
    if (!/^\/(push\/|media-check)/.test(path)) return false;
    if (request.method === 'OPTIONS') {
      response.writeHead(204, CORS);
      response.end();
      return true;
    }
    const route = routes.find(([method, pattern]) => method === request.method && pattern.test(path));
    if (!route) {
      json(response, 404, { error: `no control route ${request.method} ${url.pathname}` });
      return true;
    }
    try {
      const body: unknown = rawBody.length > 0 ? JSON.parse(rawBody.toString('utf8')) : {};
      const match = (route[1].exec(path) ?? []).map((part) => decodeURIComponent(part));
      json(response, 200, await route[2](match, body));
    } catch (error) {
      if (error instanceof PushNotFound) json(response, 404, { error: error.message });
      else if (error instanceof BadRequest || error instanceof SyntaxError || error instanceof ForgeryNotPossible) json(response, 400, { error: error.message });
      else throw error;
    }
    return true;
  };
}

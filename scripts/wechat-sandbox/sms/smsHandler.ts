import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import type { SandboxHandler } from '../handler';
import type { SmsSandbox } from './smsSandbox';

/** Where the sandbox serves Tencent Cloud SMS's API (the BFF's SMS_API_BASE locally: `<sandbox>/tencentcloud/sms`). */
export const SMS_API_PATH = '/tencentcloud/sms';

function json(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

const settingsPatch = z
  .object({
    statusCallbackUrl: z.url().nullable(),
    replyCallbackUrl: z.url().nullable(),
    maxParamLength: z.number().int().min(1).max(100),
    limits: z.object({ sameContentPerThirtySeconds: z.number().int().min(1), sameContentPerHour: z.number().int().min(1), perDay: z.number().int().min(1) }),
  })
  .partial();

/**
 * POST /tencentcloud/sms: SendSms as Tencent answers it (HTTP 200, Response.Error or Response.SendStatusSet);
 * /__sandbox/sms/...: its control API (outbox, settings, delivering receipts, a member's reply).
 */
export function createSmsHandler(sms: SmsSandbox): SandboxHandler {
  return async (request, response, rawBody, url) => {
    if (url.pathname === SMS_API_PATH || url.pathname === `${SMS_API_PATH}/`) {
      if (request.method !== 'POST') {
        json(response, 200, { Response: { Error: { Code: 'InvalidRequest', Message: 'POST only' }, RequestId: '' } });
        return true;
      }
      const answer = sms.sendSms(request, url, rawBody);
      if (sms.takeDrop()) {
        response.destroy();
        return true;
      }
      json(response, answer.status, answer.body);
      return true;
    }
    if (!url.pathname.startsWith('/__sandbox/sms/')) return false;
    const route = `${request.method ?? ''} ${url.pathname.slice('/__sandbox/sms'.length)}`;
    const body: unknown = rawBody.length > 0 ? JSON.parse(rawBody.toString('utf8')) : {};
    const { control } = sms;
    try {
      switch (route) {
        case 'GET /outbox':
          json(response, 200, { messages: control.outbox(url.searchParams.get('phone') ?? undefined) });
          return true;
        case 'GET /settings':
          json(response, 200, control.settings());
          return true;
        case 'POST /settings':
          json(response, 200, control.configure(settingsPatch.parse(body)));
          return true;
        case 'POST /reports':
          json(response, 200, { delivery: await control.deliverReports(z.object({ phoneNumber: z.string().optional(), status: z.enum(['SUCCESS', 'FAIL']).optional() }).parse(body)) });
          return true;
        case 'POST /replies': {
          const reply = z.object({ phoneNumber: z.string().min(5), text: z.string().min(1).max(500) }).parse(body);
          json(response, 200, { delivery: await control.reply(reply.phoneNumber, reply.text) });
          return true;
        }
        default:
          json(response, 404, { error: `no control route ${route}` });
          return true;
      }
    } catch (error) {
      if (error instanceof z.ZodError) {
        json(response, 400, { error: error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') });
        return true;
      }
      throw error;
    }
  };
}

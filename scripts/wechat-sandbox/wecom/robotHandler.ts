import { z } from 'zod';
import type { SandboxHandler } from '../handler';
import { parseJsonObject, sendJson } from '../http';
import { WECOM_WEBHOOK_PATH, type RobotSandbox } from './robotSandbox';

/**
 * POST /cgi-bin/webhook/send?key=…: 企业微信's group robot as it answers (HTTP 200 with errcode);
 * /__sandbox/wecom/...: its control API (the posted messages, faults).
 */
export function createRobotHandler(robot: RobotSandbox): SandboxHandler {
  return async (request, response, rawBody, url) => {
    if (url.pathname === WECOM_WEBHOOK_PATH) {
      if (request.method !== 'POST') {
        sendJson(response, 200, { errcode: 43002, errmsg: 'require POST method' });
        return true;
      }
      const answer = robot.send(url.searchParams.get('key'), parseJsonObject(rawBody));
      if (answer === 'drop') {
        response.destroy();
        return true;
      }
      sendJson(response, 200, answer);
      return true;
    }
    if (!url.pathname.startsWith('/__sandbox/wecom/')) return false;
    const route = `${request.method ?? ''} ${url.pathname.slice('/__sandbox/wecom'.length)}`;
    switch (route) {
      case 'GET /outbox':
        sendJson(response, 200, { messages: robot.control.outbox(url.searchParams.get('key') ?? undefined) });
        return true;
      case 'POST /faults': {
        const parsed = z.object({ errcode: z.union([z.number().int(), z.literal('drop')]), times: z.number().int().min(1).max(100).default(1) }).safeParse(parseJsonObject(rawBody));
        if (!parsed.success) {
          sendJson(response, 400, { error: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') });
          return true;
        }
        robot.control.failNext(parsed.data.errcode, parsed.data.times);
        sendJson(response, 200, { ok: true });
        return true;
      }
      default:
        sendJson(response, 404, { error: `no control route ${route}` });
        return true;
    }
  };
}

import { z } from 'zod';
import type { Config } from '../config/config';

/**
 * What a post to the robot came to: `sent` (errcode 0); `retry` when a later attempt may pass (45009 the robot's
 * 20-a-minute limit, a system error, no or an unreadable answer: the group may have the message, and a duplicate notice
 * is preferred to a missed one); `refused` when it never will (93000 an invalid key, a malformed message).
 */
export type RobotSendOutcome = { outcome: 'sent' } | { outcome: 'retry'; code: string } | { outcome: 'refused'; code: string };

export interface WecomRobot {
  /** Posts a markdown message to the ops group. */
  sendMarkdown(content: string): Promise<RobotSendOutcome>;
}

/** 企业微信's group-robot webhook path under WECOM_WEBHOOK_BASE. */
export const WECOM_WEBHOOK_PATH = '/cgi-bin/webhook/send';
/** Errcodes a later attempt may pass: the rate limit (45009) and 企业微信's own trouble (-1 system busy). */
const RETRYABLE_ERRCODES: ReadonlySet<number> = new Set([45009, -1]);

const robotAnswer = z.object({ errcode: z.number().int(), errmsg: z.string() });

/**
 * The ops group's 企业微信 group robot: `POST <WECOM_WEBHOOK_BASE>/cgi-bin/webhook/send?key=<WECOM_ALERT_ROBOT_KEY>`
 * with `{msgtype: 'markdown', markdown: {content}}`; 企业微信 answers HTTP 200 with `{errcode, errmsg}`.
 */
export function createWecomRobot(config: Pick<Config, 'WECOM_WEBHOOK_BASE' | 'WECOM_ALERT_ROBOT_KEY' | 'WECOM_TIMEOUT_MS'>): WecomRobot {
  const url = new URL(WECOM_WEBHOOK_PATH, config.WECOM_WEBHOOK_BASE);
  url.searchParams.set('key', config.WECOM_ALERT_ROBOT_KEY);
  return {
    async sendMarkdown(content) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json; charset=utf-8' },
          body: JSON.stringify({ msgtype: 'markdown', markdown: { content } }),
          signal: AbortSignal.timeout(config.WECOM_TIMEOUT_MS),
        });
      } catch {
        return { outcome: 'retry', code: 'no_answer' };
      }
      const parsed = robotAnswer.safeParse(await response.json().catch(() => null));
      if (!parsed.success) return { outcome: 'retry', code: `http_${response.status}` };
      const { errcode } = parsed.data;
      if (errcode === 0) return { outcome: 'sent' };
      return RETRYABLE_ERRCODES.has(errcode) ? { outcome: 'retry', code: `errcode_${errcode}` } : { outcome: 'refused', code: `errcode_${errcode}` };
    },
  };
}

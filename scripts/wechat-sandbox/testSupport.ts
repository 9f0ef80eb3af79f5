import { startWechatSandbox, type RunningWechatSandbox } from './index';

/** For the sandbox's own jest files: one sandbox per file, reset before each test. */
export function useSandbox(): { sandbox: () => RunningWechatSandbox } {
  let running: RunningWechatSandbox | undefined;
  beforeAll(async () => {
    running = await startWechatSandbox();
  });
  beforeEach(async () => {
    await running?.control.reset();
  });
  afterAll(async () => {
    await running?.stop();
  });
  return {
    sandbox: () => {
      if (!running) throw new Error('the sandbox starts in beforeAll');
      return running;
    },
  };
}

export const APPID = 'wx0000000000000000';
export const SECRET = 'dev-secret';

export type WechatJson = Record<string, unknown> & { errcode?: number; errmsg?: string };

export async function getJson(base: string, path: string, query: Record<string, string>): Promise<WechatJson> {
  const response = await fetch(`${base}${path}?${new URLSearchParams(query).toString()}`);
  return (await response.json()) as WechatJson;
}

export async function postJson(base: string, path: string, body: unknown, query: Record<string, string> = {}): Promise<WechatJson> {
  const response = await fetch(`${base}${path}?${new URLSearchParams(query).toString()}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as WechatJson;
}

export async function stableToken(base: string, forceRefresh = false): Promise<string> {
  const answer = await postJson(base, '/cgi-bin/stable_token', { grant_type: 'client_credential', appid: APPID, secret: SECRET, force_refresh: forceRefresh });
  if (typeof answer.access_token !== 'string') throw new Error(`no token: ${JSON.stringify(answer)}`);
  return answer.access_token;
}

export const code2Session = (base: string, code: string, secret = SECRET): Promise<WechatJson> =>
  getJson(base, '/sns/jscode2session', { appid: APPID, secret, js_code: code, grant_type: 'authorization_code' });

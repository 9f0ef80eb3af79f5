import { parseWechatJson } from '@cakeday/shared';
import type { Config } from '../../config/config';
import { decryptPushMessage, pushSignature, signatureMatches } from './pushCrypto';

export interface PushSecrets {
  token: string;
  /** The 43-character EncodingAESKey. */
  aesKey: string;
  /** The mini-program's appid: a safe-mode message must end with it. */
  appid: string;
  mode: Config['WECHAT_PUSH_MODE'];
}

export const pushSecretsFrom = (config: Config): PushSecrets => ({
  token: config.WECHAT_PUSH_TOKEN,
  aesKey: config.WECHAT_PUSH_AES_KEY,
  appid: config.WECHAT_APPID,
  mode: config.WECHAT_PUSH_MODE,
});

/** A push signed further than this from our clock is refused: a replay, or a clock to fix. */
export const PUSH_MAX_SKEW_SECONDS = 300;

/** Why a push (or a URL check) is not WeChat's: the route answers 401 and records nothing. */
export class PushRefused extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'PushRefused';
  }
}

export type PushQuery = Record<string, string | undefined>;

function checkSignedNow(query: PushQuery, now: Date): { timestamp: string; nonce: string } {
  const { timestamp = '', nonce = '' } = query;
  if (!/^\d{1,12}$/.test(timestamp) || nonce.length === 0 || nonce.length > 64) throw new PushRefused('unsigned');
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > PUSH_MAX_SKEW_SECONDS) throw new PushRefused('stale');
  return { timestamp, nonce };
}

/** WeChat's URL check (GET): the `echostr` to echo back when the signature is the token's. */
export function checkPushUrl(query: PushQuery, secrets: PushSecrets, now: Date): string {
  const { timestamp, nonce } = checkSignedNow(query, now);
  if (!signatureMatches(query.signature, pushSignature(secrets.token, timestamp, nonce))) throw new PushRefused('signature');
  const { echostr = '' } = query;
  if (echostr.length === 0 || echostr.length > 256) throw new PushRefused('echostr');
  return echostr;
}

function parseObject(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = parseWechatJson(text);
  } catch {
    throw new PushRefused('body');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new PushRefused('body');
  return parsed as Record<string, unknown>;
}

/**
 * A push (POST) as WeChat sent it, or PushRefused. Safe mode: `msg_signature` covers token, timestamp, nonce and
 * Encrypt, and only the decrypted message (ending in our appid) is read. Plain mode: `signature` covers token,
 * timestamp and nonce only — the body itself is not signed, which is why safe mode is the default. Compatible mode
 * reads the encrypted part when there is one, else the plain body.
 */
export function openMessagePush(query: PushQuery, rawBody: string, secrets: PushSecrets, now: Date): Record<string, unknown> {
  const { timestamp, nonce } = checkSignedNow(query, now);
  const body = parseObject(rawBody);
  const encrypt = secrets.mode === 'plain' ? undefined : body.Encrypt;
  if (typeof encrypt === 'string') {
    if (!signatureMatches(query.msg_signature, pushSignature(secrets.token, timestamp, nonce, encrypt))) throw new PushRefused('msg_signature');
    let opened: { message: string; appid: string };
    try {
      opened = decryptPushMessage(encrypt, secrets.aesKey);
    } catch {
      throw new PushRefused('ciphertext');
    }
    if (opened.appid !== secrets.appid) throw new PushRefused('appid');
    return parseObject(opened.message);
  }
  if (secrets.mode === 'safe') throw new PushRefused('not encrypted');
  if (!signatureMatches(query.signature, pushSignature(secrets.token, timestamp, nonce))) throw new PushRefused('signature');
  return body;
}

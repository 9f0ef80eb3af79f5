import { createHash, randomBytes } from 'node:crypto';
import type { MessagePushWire } from '@cakeday/shared';
import { type Endpoint, fail } from '../endpoint';
import { int, str } from '../http';
import { isUser, recentVisitor } from '../securityApi';
import type { MediaCheckRule, SandboxState } from '../state';
import type { Pusher } from './pusher';
import { SANDBOX_ORIGINAL_ID, type PushSettings } from './pushSettings';

export const MAX_MEDIA_BYTES = 10 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 10_000;

/** What the sandbox decided about one media URL. errcode 0 = checked; otherwise why it could not check. */
export interface MediaVerdict {
  errcode: number;
  errmsg: string;
  suggest: 'pass' | 'review' | 'risky';
  label: number;
  /** Hex SHA-256 of the fetched bytes (null when nothing was fetched). */
  sha256: string | null;
}

export interface MediaCheckView {
  traceId: string;
  openid: string;
  mediaUrl: string;
  mediaType: 1 | 2;
  scene: number;
  /** Null until the URL was fetched and judged. */
  verdict: MediaVerdict | null;
  /** The push carrying the verdict, once it was sent. */
  pushId: string | null;
}

export interface MediaVerdictDelivery {
  traceId: string;
  verdict: MediaVerdict;
  pushId: string;
  delivered: boolean;
  attempts: number;
}

interface MediaCheck extends MediaCheckView {
  appid: string;
  decided: Promise<MediaVerdict>;
  timer?: NodeJS.Timeout;
}

const IMAGE_MAGIC: readonly Buffer[] = [Buffer.from([0xff, 0xd8, 0xff]), Buffer.from('89504e47', 'hex'), Buffer.from('GIF8'), Buffer.from('BM')];
const AUDIO_MAGIC: readonly Buffer[] = [Buffer.from('ID3'), Buffer.from('RIFF'), Buffer.from('OggS'), Buffer.from('fLaC'), Buffer.from([0xff, 0xf1]), Buffer.from([0xff, 0xfb])];
const startsWithAny = (bytes: Buffer, magics: readonly Buffer[]): boolean => magics.some((magic) => bytes.subarray(0, magic.length).equals(magic));

// WeChat documents neither code for v2; -1008 is v1's "链接无法下载". A failure is never a pass.
const DOWNLOAD_FAILED = -1008;
const UNSUPPORTED_MEDIA = -1009;
const failure = (errcode: number, errmsg: string, sha256: string | null = null): MediaVerdict => ({ errcode, errmsg, suggest: 'review', label: 100, sha256 });

async function fetchMedia(url: string): Promise<Buffer | MediaVerdict> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (response.status !== 200) {
      await response.body?.cancel();
      return failure(DOWNLOAD_FAILED, `media download failed: HTTP ${response.status}`);
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length === 0) return failure(DOWNLOAD_FAILED, 'media download failed: empty');
    if (bytes.length > MAX_MEDIA_BYTES) return failure(UNSUPPORTED_MEDIA, 'media too large');
    return bytes;
  } catch (error) {
    return failure(DOWNLOAD_FAILED, `media download failed: ${error instanceof Error ? error.name : 'error'}`);
  }
}

/** Fetches the media as WeChat does and judges it by the scripted rules (first match; else pass, label 100). */
async function judge(url: string, mediaType: 1 | 2, rules: readonly MediaCheckRule[]): Promise<MediaVerdict> {
  const fetched = await fetchMedia(url);
  if (!Buffer.isBuffer(fetched)) return fetched;
  const sha256 = createHash('sha256').update(fetched).digest('hex');
  if (!startsWithAny(fetched, mediaType === 2 ? IMAGE_MAGIC : AUDIO_MAGIC)) return failure(UNSUPPORTED_MEDIA, `not ${mediaType === 2 ? 'an image' : 'audio'}`, sha256);
  const rule = rules.find((candidate) => (candidate.urlContains !== undefined && url.includes(candidate.urlContains)) || (candidate.sha256 !== undefined && candidate.sha256.toLowerCase() === sha256));
  return { errcode: 0, errmsg: 'ok', suggest: rule?.suggest ?? 'pass', label: rule?.label ?? 100, sha256 };
}

/**
 * security.mediaCheckAsync (v2): answers a trace_id at once, fetches the URL, judges it, and pushes the signed
 * `wxa_media_check` verdict after settings.mediaVerdictDelayMs, or when deliver() is called ('manual', the tests).
 */
export class MediaChecks {
  private readonly checks = new Map<string, MediaCheck>();

  constructor(
    private readonly state: SandboxState,
    private readonly pusher: Pusher,
    private readonly settings: () => PushSettings,
  ) {}

  readonly endpoint: Endpoint = {
    name: 'media_check_async',
    method: 'POST',
    path: '/wxa/media_check_async',
    needsToken: true,
    handle: ({ body, appid }) => {
      if (!body) return fail(44002, 'empty post data');
      const scene = int(body.scene);
      if (int(body.version) !== 2 || scene === undefined || scene < 1 || scene > 4) return fail(40129, 'invalid scene');
      const mediaType = int(body.media_type);
      const mediaUrl = str(body.media_url) ?? '';
      if ((mediaType !== 1 && mediaType !== 2) || !/^https?:\/\/\S+$/.test(mediaUrl)) return fail(47001, 'data format error');
      const visitor = recentVisitor(this.state, str(body.openid) ?? '');
      if (!isUser(visitor)) return visitor;
      const traceId = `${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;
      this.start({ traceId, openid: visitor.openid, appid, mediaUrl, mediaType, scene });
      return { json: { errcode: 0, errmsg: 'ok', trace_id: traceId } };
    },
  };

  private start(request: Pick<MediaCheck, 'traceId' | 'openid' | 'appid' | 'mediaUrl' | 'mediaType' | 'scene'>): void {
    const check: MediaCheck = { ...request, verdict: null, pushId: null, decided: judge(request.mediaUrl, request.mediaType, [...this.state.data.mediaCheckRules]) };
    this.checks.set(check.traceId, check);
    void check.decided.then((verdict) => {
      check.verdict = verdict;
      const delay = this.settings().mediaVerdictDelayMs;
      if (delay === 'manual' || !this.checks.has(check.traceId)) return;
      check.timer = setTimeout(() => void this.send(check), delay);
    });
  }

  private send(check: MediaCheck): string | null {
    if (check.pushId || !check.verdict) return check.pushId;
    clearTimeout(check.timer);
    const { verdict } = check;
    const event: MessagePushWire = {
      ToUserName: SANDBOX_ORIGINAL_ID,
      FromUserName: check.openid,
      CreateTime: Math.floor(this.state.now() / 1000),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: check.appid,
      trace_id: check.traceId,
      version: 2,
      errcode: verdict.errcode,
      errmsg: verdict.errmsg,
      // The label came as a string in a payload seen in the wild; the BFF must take both.
      result: { suggest: verdict.suggest, label: String(verdict.label) },
      detail: [{ strategy: 'content_model', errcode: verdict.errcode, suggest: verdict.suggest, label: verdict.label, prob: verdict.errcode === 0 ? 90 : 0 }],
    };
    check.pushId = this.pusher.push(event);
    return check.pushId;
  }

  /** Waits for the pending checks (all, or one trace_id) to be judged, pushes their verdicts, and waits for each delivery. */
  async deliver(traceId?: string): Promise<MediaVerdictDelivery[]> {
    const pending = [...this.checks.values()].filter((check) => (traceId === undefined || check.traceId === traceId) && check.pushId === null);
    await Promise.all(pending.map((check) => check.decided));
    return Promise.all(
      pending.flatMap((check) => {
        const pushId = this.send(check);
        if (!pushId || !check.verdict) return [];
        const verdict = check.verdict;
        return [this.pusher.settled(pushId).then((outcome) => ({ traceId: check.traceId, verdict, pushId, ...outcome }))];
      }),
    );
  }

  list(): MediaCheckView[] {
    return [...this.checks.values()].map(({ traceId, openid, mediaUrl, mediaType, scene, verdict, pushId }) => ({ traceId, openid, mediaUrl, mediaType, scene, verdict, pushId }));
  }

  reset(): void {
    for (const check of this.checks.values()) clearTimeout(check.timer);
    this.checks.clear();
  }
}

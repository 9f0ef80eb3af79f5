import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startWechatSandbox, type RunningWechatSandbox } from '../index';
import { code2Session, postJson, stableToken } from '../testSupport';
import { openPush, startPushReceiver, type PushReceiver } from './testSupport';

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let sandbox: RunningWechatSandbox;
let receiver: PushReceiver;
let media: Server;
let mediaBase = '';

beforeAll(async () => {
  sandbox = await startWechatSandbox();
  media = createServer((request, response) => {
    if (request.url?.startsWith('/img/')) {
      response.writeHead(200, { 'Content-Type': 'image/png' });
      response.end(PNG);
    } else if (request.url === '/page.html') {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end('<html></html>');
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => media.listen(0, '127.0.0.1', () => resolve()));
  mediaBase = `http://127.0.0.1:${(media.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await sandbox.stop();
  await new Promise<void>((resolve) => media.close(() => resolve()));
});
beforeEach(async () => {
  await sandbox.control.reset();
  receiver = await startPushReceiver();
  sandbox.push.configure({ url: receiver.url, retryDelayMs: 0 });
});
afterEach(() => receiver.stop());

async function visitor(name: string): Promise<{ token: string; openid: string }> {
  const { code, openid } = await sandbox.control.loginCode({ user: name });
  await code2Session(sandbox.url, code);
  return { token: await stableToken(sandbox.url), openid };
}

const check = (token: string, body: Record<string, unknown>) => postJson(sandbox.url, '/wxa/media_check_async', { media_type: 2, version: 2, scene: 3, ...body }, { access_token: token });

const verdictOf = (index: number): Record<string, unknown> => {
  const opened = openPush(receiver.received[index]!);
  if (!('json' in opened)) throw new Error(`refused: ${opened.refused}`);
  return JSON.parse(opened.json) as Record<string, unknown>;
};

describe('mediaCheckAsync', () => {
  it('answers a trace_id, fetches the image, and pushes a signed wxa_media_check verdict when asked (default pass)', async () => {
    const { token, openid } = await visitor('poster');
    const answer = await check(token, { media_url: `${mediaBase}/img/cake.png`, openid });
    expect(answer).toMatchObject({ errcode: 0, errmsg: 'ok', trace_id: expect.any(String) });
    // Nothing is pushed until the verdicts are delivered (manual by default).
    expect(receiver.received).toEqual([]);
    const [delivery] = await sandbox.control.deliverMediaVerdicts();
    expect(delivery).toMatchObject({ traceId: answer.trace_id, delivered: true, attempts: 1, verdict: { errcode: 0, suggest: 'pass', label: 100 } });
    expect(verdictOf(0)).toEqual({
      ToUserName: 'gh_cakedaysandbox',
      FromUserName: openid,
      CreateTime: expect.any(Number),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: 'wx0000000000000000',
      trace_id: answer.trace_id,
      version: 2,
      errcode: 0,
      errmsg: 'ok',
      result: { suggest: 'pass', label: '100' },
      detail: [{ strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 90 }],
    });
    expect(await sandbox.control.deliverMediaVerdicts()).toEqual([]);
  });

  it('scripted rules by URL substring and by image hash; an unreachable URL or a page that is not an image fails the check', async () => {
    const { token, openid } = await visitor('poster2');
    const hash = createHash('sha256').update(PNG).digest('hex');
    await sandbox.control.setMediaCheckRules([{ urlContains: '/img/risky', suggest: 'risky', label: 20002 }]);
    await sandbox.control.addMediaCheckRule({ sha256: hash, suggest: 'review', label: 21000 });
    const traces = {
      risky: (await check(token, { media_url: `${mediaBase}/img/risky.png`, openid })).trace_id,
      review: (await check(token, { media_url: `${mediaBase}/img/other.png`, openid })).trace_id,
      missing: (await check(token, { media_url: `${mediaBase}/missing.png`, openid })).trace_id,
      closed: (await check(token, { media_url: 'http://127.0.0.1:9/x.png', openid })).trace_id,
      page: (await check(token, { media_url: `${mediaBase}/page.html`, openid })).trace_id,
    };
    const deliveries = await sandbox.control.deliverMediaVerdicts();
    const verdict = (trace: unknown) => deliveries.find((delivery) => delivery.traceId === trace)?.verdict;
    expect(verdict(traces.risky)).toMatchObject({ errcode: 0, suggest: 'risky', label: 20002 });
    expect(verdict(traces.review)).toMatchObject({ errcode: 0, suggest: 'review', label: 21000, sha256: hash });
    expect(verdict(traces.missing)).toMatchObject({ errcode: -1008, suggest: 'review' });
    expect(verdict(traces.closed)).toMatchObject({ errcode: -1008, suggest: 'review', sha256: null });
    expect(verdict(traces.page)).toMatchObject({ errcode: -1009, suggest: 'review' });
    expect(receiver.received).toHaveLength(5);
  });

  it('one trace_id at a time; with a delay set, the verdict is pushed by itself', async () => {
    const { token, openid } = await visitor('poster3');
    const first = (await check(token, { media_url: `${mediaBase}/img/a.png`, openid })).trace_id as string;
    const second = (await check(token, { media_url: `${mediaBase}/img/b.png`, openid })).trace_id as string;
    expect((await sandbox.control.deliverMediaVerdicts(second)).map((delivery) => delivery.traceId)).toEqual([second]);
    expect((await sandbox.control.mediaChecks()).map((entry) => [entry.traceId, entry.pushId !== null])).toEqual([
      [first, false],
      [second, true],
    ]);
    sandbox.push.configure({ mediaVerdictDelayMs: 0 });
    const third = (await check(token, { media_url: `${mediaBase}/img/c.png`, openid })).trace_id;
    const arrived = await receiver.arrived(2);
    expect(JSON.parse((openPush(arrived[1]!) as { json: string }).json)).toMatchObject({ trace_id: third });
  });

  it('61010 without a visit in 2 hours; 40129 for a bad scene or version; 47001 for a bad type or URL', async () => {
    const token = await stableToken(sandbox.url);
    const { openid } = await sandbox.control.upsertUser({ user: 'stranger' });
    expect((await check(token, { media_url: `${mediaBase}/img/a.png`, openid })).errcode).toBe(61010);
    const fresh = await visitor('poster4');
    expect((await check(fresh.token, { media_url: `${mediaBase}/img/a.png`, openid: fresh.openid, scene: 5 })).errcode).toBe(40129);
    expect((await check(fresh.token, { media_url: `${mediaBase}/img/a.png`, openid: fresh.openid, version: 1 })).errcode).toBe(40129);
    expect((await check(fresh.token, { media_url: `${mediaBase}/img/a.png`, openid: fresh.openid, media_type: 3 })).errcode).toBe(47001);
    expect((await check(fresh.token, { media_url: 'cloud://bucket/a.png', openid: fresh.openid })).errcode).toBe(47001);
    expect(await sandbox.control.mediaChecks()).toEqual([]);
  });
});

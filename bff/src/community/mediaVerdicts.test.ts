import type { MessagePushWire } from '@cakeday/shared';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildWriter, photoWithGps, wechatWithMediaCheckStandIn } from '../test/communityFactories';
import { inboxEntries } from '../test/pushHandlers';
import { useWechatSandbox } from '../test/wechatSandbox';
import { MessagePushInboxModel } from '../wechat/messagePush/MessagePushInbox.model';
import { CommunityPhotoModel } from './CommunityPhoto.model';
import { CommunityPostModel } from './CommunityPost.model';
import { queueOverduePosts } from './overdueVerdicts';

useTestDatabase();
// The sandbox fetches each photo from the BFF (PUBLIC_BASE_URL is the app's listener) and pushes its signed verdict.
const sandbox = useWechatSandbox({ push: { mode: 'safe' } });
let app: TestApp;
beforeAll(() => {
  // The verdict is handled before the push is answered; the test process's CPU is shared with the sandbox.
  app = buildTestApp({ config: sandbox.config({ PUBLIC_BASE_URL: sandbox.appUrl(), WECHAT_PUSH_HANDLE_BUDGET_MS: '4000' }) });
});
beforeEach(async () => {
  await sandbox.control().reset();
  sandbox.serve(app.server);
  await MessagePushInboxModel.deleteMany({});
});

const call = (target: TestApp, route: string, auth: string | null, body: object) => {
  const request = target.http.post(`/api/${route}`);
  return (auth ? request.set('Authorization', auth) : request).send(body);
};
let keys = 0;
const key = (): string => `key-${Date.now()}-${(keys += 1)}`;
const MINUTE = 60_000;

/** Each uploaded photo's public address (by its URL token, not its id), as the upload answered it. */
const displayUrls = new Map<string, string>();
const urlOf = (photoId: string): string => displayUrls.get(photoId)!;

type Verdicts = (photoIds: string[]) => { urlContains: string; suggest: 'pass' | 'review' | 'risky'; label: number }[];

/**
 * A writer posts `count` photos with a line of text: the post as its author sees it, and who is looking. The
 * sandbox judges a photo when its check arrives, by the rules `verdicts` gives for the uploaded photos (default pass).
 */
async function postWithPhotos(count: number, { target = app, verdicts }: { target?: TestApp; verdicts?: Verdicts } = {}) {
  const author = await buildWriter();
  await sandbox.control().visit({ openid: author.member.openid });
  const photoIds: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const uploaded = await target.http.post('/media/photos').set('Authorization', author.auth).attach('photo', await photoWithGps(300, 200), 'p.jpg');
    displayUrls.set(uploaded.body.id, uploaded.body.displayUrl);
    photoIds.push(uploaded.body.id);
  }
  if (verdicts) await sandbox.control().setMediaCheckRules(verdicts(photoIds));
  const created = await call(target, 'community.create', author.auth, { text: '晒出我的生日蛋糕', photoIds, idempotencyKey: key() });
  expect(created.status).toBe(200);
  const other = await buildWriter();
  return { author, other, postId: created.body.post.id as string, post: created.body.post, photoIds };
}
/** The trace_id WeChat (the sandbox) answered for a photo's check. */
async function traceOf(photoId: string): Promise<string> {
  const check = (await sandbox.control().mediaChecks()).find((request) => request.mediaUrl.endsWith(urlOf(photoId)));
  if (!check) throw new Error(`no mediaCheckAsync for photo ${photoId}`);
  return check.traceId;
}
/** Has the sandbox push the verdict of one photo and checks that the BFF accepted it. */
async function deliverVerdictOf(photoId: string): Promise<void> {
  const deliveries = await sandbox.control().deliverMediaVerdicts(await traceOf(photoId));
  expect(deliveries.map((delivery) => delivery.delivered)).toEqual([true]);
}
/** A wxa_media_check as WeChat words it, for a verdict the sandbox's rules would not give. */
const verdictWire = (traceId: string, openid: string, result: { suggest: 'pass' | 'review' | 'risky'; label: number | string }, errcode = 0): MessagePushWire => ({
  ToUserName: 'gh_cakeday_test',
  FromUserName: openid,
  CreateTime: Math.floor(Date.now() / 1000),
  MsgType: 'event',
  Event: 'wxa_media_check',
  appid: app.deps.config.WECHAT_APPID,
  trace_id: traceId,
  version: 2,
  errcode,
  errmsg: errcode === 0 ? 'ok' : 'media download failed',
  result,
  detail: [],
});
const stateOf = async (postId: string) => (await CommunityPostModel.findById(postId).lean())?.state;

describe('photo verdicts: mediaCheckAsync, then the wxa_media_check WeChat pushes to /wechat/message-push', () => {
  it('sends each photo’s public URL (scene 3, the author’s openid); the post is 审核中 to its author only until every photo’s pushed pass arrives', async () => {
    const { author, other, postId, post, photoIds } = await postWithPhotos(2);
    expect(post.status).toBe('reviewing');
    const checks = await sandbox.control().mediaChecks();
    expect(checks.map(({ mediaUrl, scene, mediaType, openid }) => ({ mediaUrl, scene, mediaType, openid }))).toEqual(
      photoIds.map((id) => ({ mediaUrl: `${sandbox.appUrl()}${urlOf(id)}`, scene: 3, mediaType: 2, openid: author.member.openid })),
    );
    expect((await call(app, 'community.feed', other.auth, {})).body.items.find((item: { id: string }) => item.id === postId)).toBeUndefined();
    expect((await call(app, 'community.post', other.auth, { postId })).status).toBe(404);

    await deliverVerdictOf(photoIds[0]!);
    expect(await stateOf(postId)).toBe('pending');
    // WeChat fetched the photo the BFF serves (an unreachable URL is no pass).
    expect((await sandbox.control().mediaChecks()).find((check) => check.mediaUrl.endsWith(urlOf(photoIds[0]!)))?.verdict).toMatchObject({ errcode: 0, suggest: 'pass', sha256: expect.any(String) });
    // Labels arrive as digit strings in real pushes.
    const second = await sandbox.control().pushEvent(verdictWire(await traceOf(photoIds[1]!), author.member.openid, { suggest: 'pass', label: '100' }));
    expect(await sandbox.control().pushSettled(second)).toEqual({ delivered: true, attempts: 1 });
    expect(await stateOf(postId)).toBe('published');
    expect((await call(app, 'community.post', other.auth, { postId })).body.post).toMatchObject({ status: 'published', photos: [{ id: photoIds[0] }, { id: photoIds[1] }] });
    expect((await call(app, 'community.post', author.auth, { postId })).body.post.status).toBe('published');
  });

  it('review → the ops queue (reason photo_review), still hidden from others', async () => {
    const { other, postId, photoIds } = await postWithPhotos(2, { verdicts: (ids) => [{ urlContains: urlOf(ids[1]!), suggest: 'review', label: 10001 }] });
    await deliverVerdictOf(photoIds[0]!);
    await deliverVerdictOf(photoIds[1]!);
    const stored = await CommunityPostModel.findById(postId).lean();
    expect([stored?.state, stored?.reviewReasons]).toEqual(['in_review', ['photo_review']]);
    expect((await call(app, 'community.post', other.auth, { postId })).status).toBe(404);
  });

  it('a push saying WeChat could not check the photo (errcode ≠ 0) is no pass: the queue', async () => {
    const { author, postId, photoIds } = await postWithPhotos(1);
    const pushId = await sandbox.control().pushEvent(verdictWire(await traceOf(photoIds[0]!), author.member.openid, { suggest: 'pass', label: 100 }, -1008));
    expect(await sandbox.control().pushSettled(pushId)).toEqual({ delivered: true, attempts: 1 });
    expect(await stateOf(postId)).toBe('in_review');
  });

  it('risky → hidden from everyone, its photos no longer served, and its author sees it 未通过 (rejected)', async () => {
    const { author, other, postId, photoIds } = await postWithPhotos(1, { verdicts: (ids) => [{ urlContains: urlOf(ids[0]!), suggest: 'risky', label: 20002 }] });
    await deliverVerdictOf(photoIds[0]!);
    expect(await stateOf(postId)).toBe('rejected');
    expect((await call(app, 'community.post', author.auth, { postId })).body.post.status).toBe('rejected');
    expect((await call(app, 'community.feed', author.auth, {})).body.items.find((item: { id: string }) => item.id === postId)).toMatchObject({ status: 'rejected' });
    expect((await call(app, 'community.post', other.auth, { postId })).status).toBe(404);
    expect((await app.http.get(urlOf(photoIds[0]!))).status).toBe(404);
    expect((await CommunityPhotoModel.findById(photoIds[0]).lean())?.check).toMatchObject({ state: 'risky', label: 20002 });
  });

  it('no verdict within 30 minutes → the queue (photo_timeout), never published; a late pass leaves it for the moderator', async () => {
    const { postId, photoIds } = await postWithPhotos(1);
    const created = (await CommunityPostModel.findById(postId).lean())!.createdAt.getTime();
    expect(await queueOverduePosts(new Date(created + 29 * MINUTE))).toBe(0);
    expect(await stateOf(postId)).toBe('pending');
    expect(await queueOverduePosts(new Date(created + 31 * MINUTE))).toBe(1);
    const stored = await CommunityPostModel.findById(postId).lean();
    expect([stored?.state, stored?.reviewReasons]).toEqual(['in_review', ['photo_timeout']]);
    await deliverVerdictOf(photoIds[0]!);
    expect(await stateOf(postId)).toBe('in_review');
    expect((await CommunityPhotoModel.findById(photoIds[0]).lean())?.check.state).toBe('pass');
  });

  it('mediaCheckAsync refused by WeChat → the queue (photo_unchecked), not published', async () => {
    await sandbox.control().injectFault('media_check_async', -1, 1);
    const { postId } = await postWithPhotos(1);
    const stored = await CommunityPostModel.findById(postId).lean();
    expect([stored?.state, stored?.reviewReasons]).toEqual(['in_review', ['photo_unchecked']]);
  });

  it('is idempotent: a re-sent push changes nothing, and only a trace’s first verdict counts', async () => {
    const { author, postId, photoIds } = await postWithPhotos(1);
    const [delivery] = await sandbox.control().deliverMediaVerdicts(await traceOf(photoIds[0]!));
    expect(await stateOf(postId)).toBe('published');
    const resent = await sandbox.control().duplicatePush(delivery!.pushId, 2);
    expect(resent.map((copy) => copy.accepted)).toEqual([true, true]);
    const later = await sandbox.control().pushEvent(verdictWire(delivery!.traceId, author.member.openid, { suggest: 'risky', label: 20002 }));
    expect(await sandbox.control().pushSettled(later)).toEqual({ delivered: true, attempts: 1 });
    expect(await stateOf(postId)).toBe('published');
    expect((await CommunityPostModel.findById(postId).lean())?.history.map((move) => move.to)).toEqual(['published']);
    // A verdict for a trace nobody asked for is kept and harms nothing.
    const unknown = await sandbox.control().pushEvent(verdictWire('trace-unknown', author.member.openid, { suggest: 'risky', label: 1 }));
    expect(await sandbox.control().pushSettled(unknown)).toEqual({ delivered: true, attempts: 1 });
  });

  it('a forged verdict (unsigned, wrongly signed, or altered and re-signed without the key) is refused and changes nothing', async () => {
    const { author, other, postId, photoIds } = await postWithPhotos(1);
    const traceId = await traceOf(photoIds[0]!);
    // WeChat's genuine pass is held back; forgeries of it arrive first.
    await sandbox.control().holdPushes();
    const genuine = await sandbox.control().pushEvent(verdictWire(traceId, author.member.openid, { suggest: 'pass', label: 100 }));
    for (const kind of ['unsigned', 'badSignature', 'tamperedResigned', 'wrongAppid'] as const) {
      expect([kind, (await sandbox.control().forgePush(kind, genuine)).status]).toEqual([kind, 401]);
    }
    expect(await stateOf(postId)).toBe('pending');
    expect((await CommunityPhotoModel.findById(photoIds[0]).lean())?.check.state).toBe('requested');
    expect(await inboxEntries({ type: 'wxa_media_check' })).toEqual([]);
    expect((await call(app, 'community.post', other.auth, { postId })).status).toBe(404);
    // The genuine push still counts.
    await sandbox.control().releasePushes();
    expect(await sandbox.control().pushSettled(genuine)).toEqual({ delivered: true, attempts: 1 });
    expect(await stateOf(postId)).toBe('published');
  });
});

describe('a verdict pushed before the BFF recorded the trace it answers', () => {
  // WeChat may push the verdict before mediaCheckAsync's answer reached the BFF: a stand-in pushes it in between.
  let raced: TestApp;
  beforeAll(() => {
    const config = sandbox.config({ PUBLIC_BASE_URL: sandbox.appUrl(), WECHAT_PUSH_HANDLE_BUDGET_MS: '4000' });
    const standIn = wechatWithMediaCheckStandIn(config);
    standIn.media.beforeAnswer = async (traceId) => {
      const openid = standIn.media.calls.find((request) => request.traceId === traceId)!.openid;
      const pushId = await sandbox.control().pushEvent(verdictWire(traceId, openid, { suggest: 'pass', label: 100 }));
      expect(await sandbox.control().pushSettled(pushId)).toEqual({ delivered: true, attempts: 1 });
    };
    raced = buildTestApp({ config, wechat: standIn.wechat });
  });
  beforeEach(() => sandbox.serve(raced.server));

  it('still lands: the post publishes', async () => {
    const { postId } = await postWithPhotos(1, { target: raced });
    expect(await stateOf(postId)).toBe('published');
    expect(await inboxEntries({ type: 'wxa_media_check' })).toEqual([expect.objectContaining({ state: 'handled' })]);
  });
});

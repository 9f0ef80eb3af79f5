import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildWriter, photoWithGps, wechatWithMediaCheckStandIn, type MediaCheckRecorder } from '../test/communityFactories';
import { useWechatSandbox } from '../test/wechatSandbox';
import { applyMediaVerdict } from './applyMediaVerdict';
import { CommunityPhotoModel } from './CommunityPhoto.model';
import { CommunityPostModel } from './CommunityPost.model';
import { queueOverduePosts } from './overdueVerdicts';

useTestDatabase();
const sandbox = useWechatSandbox();
let app: TestApp;
let media: MediaCheckRecorder;
beforeAll(() => {
  const config = sandbox.config({ PUBLIC_BASE_URL: 'https://cakeday.example.com' });
  const standIn = wechatWithMediaCheckStandIn(config);
  media = standIn.media;
  app = buildTestApp({ config, wechat: standIn.wechat });
});
beforeEach(() => {
  media.calls.length = 0;
  media.beforeAnswer = null;
});

const call = (route: string, auth: string | null, body: object) => {
  const request = app.http.post(`/api/${route}`);
  return (auth ? request.set('Authorization', auth) : request).send(body);
};
let keys = 0;
const key = (): string => `key-${Date.now()}-${(keys += 1)}`;
const MINUTE = 60_000;

/** A writer posts `count` photos with a line of text: the post as its author sees it, and who is looking. */
async function postWithPhotos(count: number) {
  const author = await buildWriter();
  await sandbox.control().visit({ openid: author.member.openid });
  const photoIds: string[] = [];
  for (let index = 0; index < count; index += 1) {
    photoIds.push((await app.http.post('/media/photos').set('Authorization', author.auth).attach('photo', await photoWithGps(300, 200), 'p.jpg')).body.id);
  }
  const created = await call('community.create', author.auth, { text: '晒出我的生日蛋糕', photoIds, idempotencyKey: key() });
  expect(created.status).toBe(200);
  const other = await buildWriter();
  return { author, other, postId: created.body.post.id as string, post: created.body.post, photoIds };
}
const traceOf = (photoId: string): string => media.calls.find((request) => request.mediaUrl.includes(photoId))!.traceId;
const stateOf = async (postId: string) => (await CommunityPostModel.findById(postId).lean())?.state;
const now = (): { now: Date } => ({ now: new Date() });

describe('photo verdicts (mediaCheckAsync, the pushed wxa_media_check applied by applyMediaVerdict)', () => {
  it('sends each photo’s public URL (scene 3, the author’s openid); the post is 审核中 to its author only until every photo passes', async () => {
    const { author, other, postId, post, photoIds } = await postWithPhotos(2);
    expect(post.status).toBe('reviewing');
    expect(media.calls.map(({ mediaUrl, scene, mediaType, openid }) => ({ mediaUrl, scene, mediaType, openid }))).toEqual(
      photoIds.map((id) => ({ mediaUrl: `https://cakeday.example.com/media/${id}/display.jpg`, scene: 3, mediaType: 'image', openid: author.member.openid })),
    );
    expect((await call('community.feed', other.auth, {})).body.items.find((item: { id: string }) => item.id === postId)).toBeUndefined();
    expect((await call('community.post', other.auth, { postId })).status).toBe(404);

    await applyMediaVerdict({ traceId: traceOf(photoIds[0]!), suggest: 'pass', label: 100 }, now());
    expect(await stateOf(postId)).toBe('pending');
    // Labels arrive as strings in real pushes.
    await applyMediaVerdict({ traceId: traceOf(photoIds[1]!), suggest: 'pass', label: '100' }, now());
    expect(await stateOf(postId)).toBe('published');
    expect((await call('community.post', other.auth, { postId })).body.post).toMatchObject({ status: 'published', photos: [{ id: photoIds[0] }, { id: photoIds[1] }] });
    expect((await call('community.post', author.auth, { postId })).body.post.status).toBe('published');
  });

  it('review → the ops queue (reason photo_review), still hidden from others', async () => {
    const { other, postId, photoIds } = await postWithPhotos(2);
    await applyMediaVerdict({ traceId: traceOf(photoIds[0]!), suggest: 'pass', label: 100 }, now());
    await applyMediaVerdict({ traceId: traceOf(photoIds[1]!), suggest: 'review', label: 10001 }, now());
    const stored = await CommunityPostModel.findById(postId).lean();
    expect([stored?.state, stored?.reviewReasons]).toEqual(['in_review', ['photo_review']]);
    expect((await call('community.post', other.auth, { postId })).status).toBe(404);
  });

  it('risky → hidden from everyone, its photos no longer served, and its author sees it 未通过 (rejected)', async () => {
    const { author, other, postId, photoIds } = await postWithPhotos(1);
    await applyMediaVerdict({ traceId: traceOf(photoIds[0]!), suggest: 'risky', label: 20002 }, now());
    expect(await stateOf(postId)).toBe('rejected');
    expect((await call('community.post', author.auth, { postId })).body.post.status).toBe('rejected');
    expect((await call('community.feed', author.auth, {})).body.items.find((item: { id: string }) => item.id === postId)).toMatchObject({ status: 'rejected' });
    expect((await call('community.post', other.auth, { postId })).status).toBe(404);
    expect((await app.http.get(`/media/${photoIds[0]}/display.jpg`)).status).toBe(404);
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
    await applyMediaVerdict({ traceId: traceOf(photoIds[0]!), suggest: 'pass', label: 100 }, now());
    expect(await stateOf(postId)).toBe('in_review');
    expect((await CommunityPhotoModel.findById(photoIds[0]).lean())?.check.state).toBe('pass');
  });

  it('mediaCheckAsync failing → the queue (photo_unchecked), not published', async () => {
    media.failNext(1);
    const { postId } = await postWithPhotos(1);
    const stored = await CommunityPostModel.findById(postId).lean();
    expect([stored?.state, stored?.reviewReasons]).toEqual(['in_review', ['photo_unchecked']]);
  });

  it('is idempotent (a re-sent push changes nothing; only a trace’s first verdict counts), and a verdict pushed before the trace was recorded still lands', async () => {
    media.beforeAnswer = (traceId) => applyMediaVerdict({ traceId, suggest: 'pass', label: 100 }, now());
    const { postId, photoIds } = await postWithPhotos(1);
    expect(await stateOf(postId)).toBe('published');
    await applyMediaVerdict({ traceId: traceOf(photoIds[0]!), suggest: 'pass', label: 100 }, now());
    await applyMediaVerdict({ traceId: traceOf(photoIds[0]!), suggest: 'risky', label: 20002 }, now());
    expect(await stateOf(postId)).toBe('published');
    expect((await CommunityPostModel.findById(postId).lean())?.history.map((move) => move.to)).toEqual(['published']);
    // A verdict for a trace nobody asked for is kept and harms nothing.
    await applyMediaVerdict({ traceId: 'trace-unknown', suggest: 'risky', label: 1 }, now());
  });
});

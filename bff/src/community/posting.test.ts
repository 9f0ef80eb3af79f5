import { DEFAULT_PROGRAM_SETTINGS, errorMessages } from '@cakeday/shared';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { buildTopic, buildWriter } from '../test/communityFactories';
import { useWechatSandbox } from '../test/wechatSandbox';
import { CommunityMemberModel } from './CommunityMember.model';
import { CommunityPostModel } from './CommunityPost.model';
import { ModerationWordModel } from '../moderation/ModerationWord.model';
import { invalidateWordList } from '../moderation/wordList';

useTestDatabase();
const sandbox = useWechatSandbox();
let app: TestApp;
beforeAll(() => {
  app = buildTestApp({ config: sandbox.config() });
});
beforeEach(async () => {
  // The sandbox's defaults: 赌博 → risky, 加微信 → review.
  await sandbox.control().reset();
  await CommunityPostModel.deleteMany({});
});

const call = (route: string, auth: string | null, body: object) => {
  const request = app.http.post(`/api/${route}`);
  return (auth ? request.set('Authorization', auth) : request).send(body);
};
let keys = 0;
const key = (): string => `key-${Date.now()}-${(keys += 1)}`;

async function visitedWriter() {
  const writer = await buildWriter();
  await sandbox.control().visit({ openid: writer.member.openid });
  return writer;
}

describe('community.create: who may post', () => {
  it('a visitor reads (200) but cannot post (401); without a bound phone 403 COMMUNITY_PHONE_REQUIRED; muted 403', async () => {
    expect((await call('community.feed', null, {})).status).toBe(200);
    expect((await call('community.create', null, { text: '你好', idempotencyKey: key() })).status).toBe(401);
    const noPhone = await buildMember();
    const refused = await call('community.create', await sessionFor(noPhone), { text: '你好', idempotencyKey: key() });
    expect([refused.status, refused.body.error.code, refused.body.error.message]).toEqual([403, 'COMMUNITY_PHONE_REQUIRED', errorMessages.COMMUNITY_PHONE_REQUIRED]);

    const writer = await visitedWriter();
    await CommunityMemberModel.create({ _id: writer.member._id, mutedUntil: new Date(Date.now() + 86_400_000), updatedAt: new Date() });
    expect((await call('community.create', writer.auth, { text: '你好', idempotencyKey: key() })).body.error.code).toBe('COMMUNITY_MUTED');
    await CommunityMemberModel.updateOne({ _id: writer.member._id }, { $set: { mutedUntil: new Date(Date.now() - 1000) } });
    expect((await call('community.create', writer.auth, { text: '你好', idempotencyKey: key() })).status).toBe(200);
  });

  it('400 for text over 1000 characters, more than 9 photos or nothing at all; control characters are cleaned', async () => {
    const writer = await visitedWriter();
    expect((await call('community.create', writer.auth, { text: '字'.repeat(1001), idempotencyKey: key() })).status).toBe(400);
    expect((await call('community.create', writer.auth, { text: '', idempotencyKey: key() })).status).toBe(400);
    const tenPhotos = Array.from({ length: 10 }, (_, index) => index.toString(16).padStart(24, '0'));
    expect((await call('community.create', writer.auth, { text: 'x', photoIds: tenPhotos, idempotencyKey: key() })).status).toBe(400);
    const posted = await call('community.create', writer.auth, { text: `第一行\r\n第二\u202E行\u0007`, idempotencyKey: key() });
    expect(posted.body.post.text).toBe('第一行\n第二行');
  });

  it('is capped per member per day (429 with Retry-After); a retried submit is the same post and takes no second slot', async () => {
    const snapshot = { version: 0, effectiveFrom: new Date(0), settings: { ...DEFAULT_PROGRAM_SETTINGS, community: { ...DEFAULT_PROGRAM_SETTINGS.community, postsPerDay: 2 } } };
    // One instant for the three posts: the cap's day (Shanghai) must not turn over between them (a run across 16:00 UTC).
    const now = new Date();
    const capped = buildTestApp({ config: sandbox.config(), now: () => now, settings: { at: async () => snapshot, version: async () => snapshot, invalidate: () => undefined } });
    const post = (auth: string, body: object) => capped.http.post('/api/community.create').set('Authorization', auth).send(body);
    const writer = await visitedWriter();
    const first = key();
    const one = await post(writer.auth, { text: '一', idempotencyKey: first });
    const again = await post(writer.auth, { text: '一', idempotencyKey: first });
    expect(again.body.post.id).toBe(one.body.post.id);
    expect((await post(writer.auth, { text: '二', idempotencyKey: key() })).status).toBe(200);
    const third = await post(writer.auth, { text: '三', idempotencyKey: key() });
    expect([third.status, third.body.error.code]).toEqual([429, 'COMMUNITY_DAILY_LIMIT']);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect(await CommunityPostModel.countDocuments({ authorId: writer.member._id })).toBe(2);
  });

  it('a topic must be active (422); a photo must be the writer’s own and unused (422)', async () => {
    const writer = await visitedWriter();
    const hidden = await buildTopic({ active: false });
    const refused = await call('community.create', writer.auth, { text: '晒', topicCode: hidden.code, idempotencyKey: key() });
    expect([refused.status, refused.body.error.code]).toEqual([422, 'COMMUNITY_TOPIC_UNAVAILABLE']);
    const topic = await buildTopic({ name: '晒生日' });
    const posted = await call('community.create', writer.auth, { text: '晒', topicCode: topic.code, idempotencyKey: key() });
    expect(posted.body.post.topic).toEqual({ code: topic.code, name: '晒生日', description: null });
    const photo = await call('community.create', writer.auth, { text: '图', photoIds: ['a'.repeat(24)], idempotencyKey: key() });
    expect([photo.status, photo.body.error.code]).toEqual([422, 'COMMUNITY_PHOTO_UNAVAILABLE']);
  });
});

describe('community.create: the text checks', () => {
  it('risky (msgSecCheck scene 3) is refused 422 with a clear message, nothing stored', async () => {
    const writer = await visitedWriter();
    const refused = await call('community.create', writer.auth, { text: '一起去赌博', idempotencyKey: key() });
    expect([refused.status, refused.body.error.code, refused.body.error.message]).toEqual([422, 'COMMUNITY_CONTENT_REJECTED', errorMessages.COMMUNITY_CONTENT_REJECTED]);
    expect(await CommunityPostModel.countDocuments({ authorId: writer.member._id })).toBe(0);
  });

  it('is checked as a post (scene 3): a rule for comments only does not refuse it', async () => {
    await sandbox.control().addMsgSecRule({ keyword: '评论违规', suggest: 'risky', label: 20001, scene: 2 });
    await sandbox.control().addMsgSecRule({ keyword: '论坛违规', suggest: 'risky', label: 20001, scene: 3 });
    const writer = await visitedWriter();
    expect((await call('community.create', writer.auth, { text: '评论违规', idempotencyKey: key() })).status).toBe(200);
    expect((await call('community.create', writer.auth, { text: '论坛违规', idempotencyKey: key() })).status).toBe(422);
  });

  it('review: held for the queue; its author sees it 审核中 in the feed, others and visitors do not', async () => {
    const writer = await visitedWriter();
    const held = await call('community.create', writer.auth, { text: '加微信领蛋糕', idempotencyKey: key() });
    expect(held.body.post.status).toBe('reviewing');
    const stored = await CommunityPostModel.findById(held.body.post.id).lean();
    expect([stored?.state, stored?.reviewReasons, stored?.textVerdict?.suggest]).toEqual(['in_review', ['text_review'], 'review']);
    const mine = await call('community.feed', writer.auth, {});
    expect(mine.body.items.map((post: { id: string; status: string }) => [post.id, post.status])).toEqual([[held.body.post.id, 'reviewing']]);
    const other = await buildWriter();
    expect((await call('community.feed', other.auth, {})).body.items).toEqual([]);
    expect((await call('community.feed', null, {})).body.items).toEqual([]);
    expect((await call('community.post', other.auth, { postId: held.body.post.id })).status).toBe(404);
  });

  it('WeChat unavailable or the author’s visit too old: held, never published unchecked', async () => {
    const stale = await buildWriter();
    const held = await call('community.create', stale.auth, { text: '生日快乐', idempotencyKey: key() });
    expect(held.body.post.status).toBe('reviewing');
    expect((await CommunityPostModel.findById(held.body.post.id).lean())?.reviewReasons).toEqual(['text_unchecked']);
  });

  it('the local word list comes first: block → 422 without asking WeChat, review → held, replace → stored replaced', async () => {
    const now = new Date();
    await ModerationWordModel.create([
      { word: '代购', action: 'block', replacement: null, deletedAt: null, version: 0, createdAt: now, updatedAt: now },
      { word: '私聊', action: 'review', replacement: null, deletedAt: null, version: 0, createdAt: now, updatedAt: now },
      { word: '傻瓜', action: 'replace', replacement: '**', deletedAt: null, version: 0, createdAt: now, updatedAt: now },
    ]);
    invalidateWordList();
    const writer = await visitedWriter();
    const calls = async (): Promise<number> => (await sandbox.control().calls())['msg_sec_check'] ?? 0;
    const before = await calls();
    const blocked = await call('community.create', writer.auth, { text: '专业代购蛋糕', idempotencyKey: key() });
    expect([blocked.status, blocked.body.error.code]).toEqual([422, 'COMMUNITY_CONTENT_REJECTED']);
    expect(await calls()).toBe(before);
    const review = await call('community.create', writer.auth, { text: '想要的私聊我', idempotencyKey: key() });
    expect(review.body.post.status).toBe('reviewing');
    expect((await CommunityPostModel.findById(review.body.post.id).lean())?.textVerdict).toMatchObject({ source: 'word_list', words: ['私聊'] });
    const replaced = await call('community.create', writer.auth, { text: '我这个傻瓜忘了买蜡烛', idempotencyKey: key() });
    expect([replaced.body.post.status, replaced.body.post.text]).toEqual(['published', '我这个**忘了买蜡烛']);
    // Nicknames shown in the community go through the same list.
    expect((await call('members.update', writer.auth, { nickname: '代购小王' })).status).toBe(422);
  });
});

import { AuditEntryModel } from '../../audit/AuditEntry.model';
import { buildTestApp, type TestApp } from '../../test/app';
import { useTestDatabase } from '../../test/database';
import { buildComment, buildPost, buildWriter } from '../../test/communityFactories';
import { buildOperator, opsCookieFor } from '../../test/operatorFactories';
import { useWechatSandbox } from '../../test/wechatSandbox';
import { CommunityCommentModel } from '../CommunityComment.model';
import { CommunityPostModel } from '../CommunityPost.model';

useTestDatabase();
const sandbox = useWechatSandbox();
let app: TestApp;
let moderator: string;
let secondModerator: string;
let analyst: string;
beforeAll(async () => {
  app = buildTestApp({ config: sandbox.config() });
  moderator = await opsCookieFor(app.http, await buildOperator({ roles: ['moderator'], displayName: '审核员甲' }));
  secondModerator = await opsCookieFor(app.http, await buildOperator({ roles: ['moderator'], displayName: '审核员乙' }));
  analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
});

const ops = (name: string, body: object, cookie: string | null = moderator) => {
  const post = app.http.post(`/api/${name}`);
  return cookie ? post.set('Cookie', cookie).send(body) : post.send(body);
};
const member = (route: string, auth: string | null, body: object) => {
  const request = app.http.post(`/api/${route}`);
  return (auth ? request.set('Authorization', auth) : request).send(body);
};
const target = (kind: 'post' | 'comment', doc: { _id: { toHexString(): string } }) => ({ kind, id: doc._id.toHexString() });

describe('the moderation queue', () => {
  it('lists held posts with why they are held and their verdicts; analysts may not look (403), visitors 401', async () => {
    const post = await buildPost({ state: 'in_review', reviewReasons: ['text_review'], textVerdict: { source: 'wechat', suggest: 'review', label: 10001, traceId: 't-1', words: [] } });
    expect((await ops('ops.community.queue', {}, null)).status).toBe(401);
    expect((await ops('ops.community.queue', {}, analyst)).status).toBe(403);
    const queue = await ops('ops.community.queue', { view: 'review' });
    expect(queue.status).toBe(200);
    expect(queue.body.items.find((item: { id: string }) => item.id === post._id.toHexString())).toMatchObject({
      kind: 'post',
      state: 'in_review',
      reviewReasons: ['text_review'],
      textVerdict: { source: 'wechat', suggest: 'review', label: 10001, traceId: 't-1' },
      author: { memberId: post.authorId.toHexString() },
    });
  });

  it('approve publishes, audited write-ahead with the reason, the move in the item’s history by the moderator', async () => {
    const post = await buildPost({ state: 'in_review', reviewReasons: ['text_review'] });
    const approved = await ops('ops.community.approve', { target: target('post', post), expectedState: 'in_review', reason: '内容正常' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: 'published', reviewReasons: [], history: [{ from: 'in_review', to: 'published', by: '审核员甲', reason: '内容正常' }] });
    const entry = await AuditEntryModel.findOne({ action: 'ops.community.approve', 'subject.id': post._id.toHexString() }).lean();
    expect(entry).toMatchObject({ subject: { type: 'CommunityPost' }, outcome: 'applied', reason: '内容正常', before: { state: 'in_review' }, after: { state: 'published' } });
    expect((await CommunityPostModel.findById(post._id).lean())?.auditSeqs).toEqual([entry?._id]);
    expect((await member('community.post', null, { postId: post._id.toHexString() })).status).toBe(200);
    // A decision on a state the moderator no longer sees: 409.
    const stale = await ops('ops.community.remove', { target: target('post', post), expectedState: 'in_review', reason: '重复操作' });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'MODERATION_STATE_CHANGED']);
  });

  it('two moderators acting at once on the same item: one wins, the other gets 409, and one move is recorded', async () => {
    for (let round = 0; round < 5; round += 1) {
      const post = await buildPost({ state: 'in_review' });
      const [approve, remove] = await Promise.all([
        ops('ops.community.approve', { target: target('post', post), expectedState: 'in_review', reason: '通过' }),
        ops('ops.community.remove', { target: target('post', post), expectedState: 'in_review', reason: '违规' }, secondModerator),
      ]);
      expect([approve.status, remove.status].sort()).toEqual([200, 409]);
      const stored = await CommunityPostModel.findById(post._id).lean();
      expect(stored?.history).toHaveLength(1);
      expect(stored?.state).toBe(approve.status === 200 ? 'published' : 'removed');
      const applied = await AuditEntryModel.countDocuments({ 'subject.id': post._id.toHexString(), outcome: 'applied' });
      const failed = await AuditEntryModel.countDocuments({ 'subject.id': post._id.toHexString(), outcome: 'failed' });
      expect([applied, failed]).toEqual([1, 1]);
    }
  });

  it('removing and restoring a comment takes it out of its post’s count and puts it back', async () => {
    const post = await buildPost();
    const comment = await buildComment(post);
    const removed = await ops('ops.community.remove', { target: target('comment', comment), expectedState: 'published', reason: '辱骂' });
    expect(removed.body).toMatchObject({ kind: 'comment', state: 'removed', postId: post._id.toHexString() });
    expect((await CommunityPostModel.findById(post._id).lean())?.commentCount).toBe(0);
    expect((await member('community.comments', null, { postId: post._id.toHexString() })).body.items).toEqual([]);
    const restored = await ops('ops.community.restore', { target: target('comment', comment), expectedState: 'removed', reason: '误删' });
    expect(restored.body.state).toBe('published');
    expect((await CommunityPostModel.findById(post._id).lean())?.commentCount).toBe(1);
    expect((await ops('ops.community.restore', { target: target('comment', comment), expectedState: 'published', reason: '再来' })).status).toBe(409);
    expect((await ops('ops.community.approve', { target: { kind: 'comment', id: 'a'.repeat(24) }, expectedState: 'in_review', reason: '不存在' })).status).toBe(404);
  });
});

describe('reports', () => {
  it('one per reporter and item; weighted; over the threshold the item is hidden until a moderator decides', async () => {
    const post = await buildPost();
    const postId = post._id.toHexString();
    const reporters = await Promise.all([buildWriter(), buildWriter(), buildWriter()]);
    const report = (auth: string) => member('community.report', auth, { target: { kind: 'post', id: postId }, reason: 'spam', note: '广告' });
    expect((await report(reporters[0]!.auth)).body).toEqual({ reported: true });
    expect((await report(reporters[0]!.auth)).status).toBe(200);
    await report(reporters[1]!.auth);
    expect((await CommunityPostModel.findById(post._id).lean())).toMatchObject({ state: 'published', reportWeight: 20 });
    await report(reporters[2]!.auth);
    expect((await CommunityPostModel.findById(post._id).lean())).toMatchObject({ state: 'in_review', reviewReasons: ['reported'], reportWeight: 30 });
    expect((await member('community.post', null, { postId })).status).toBe(404);
    const queued = (await ops('ops.community.queue', { view: 'review' })).body.items.find((item: { id: string }) => item.id === postId);
    expect(queued.reports).toHaveLength(3);
    expect(queued.reports[0]).toMatchObject({ reason: 'spam', note: '广告', weight: 10, state: 'open' });

    // Upheld: the reports count for their reporters next time.
    await ops('ops.community.remove', { target: { kind: 'post', id: postId }, expectedState: 'in_review', reason: '广告' });
    const next = await buildPost();
    await member('community.report', reporters[0]!.auth, { target: { kind: 'post', id: next._id.toHexString() }, reason: 'spam' });
    expect((await CommunityPostModel.findById(next._id).lean())?.reportWeight).toBe(15);
  });

  it('reports moderators dismiss weigh less next time: a serial false reporter cannot hide a post alone', async () => {
    const reporter = await buildWriter();
    for (let round = 0; round < 3; round += 1) {
      const post = await buildPost({ state: 'published' });
      await member('community.report', reporter.auth, { target: { kind: 'post', id: post._id.toHexString() }, reason: 'abuse' });
      await CommunityPostModel.updateOne({ _id: post._id }, { $set: { state: 'in_review' } });
      await ops('ops.community.approve', { target: { kind: 'post', id: post._id.toHexString() }, expectedState: 'in_review', reason: '正常内容' });
    }
    const post = await buildPost();
    await member('community.report', reporter.auth, { target: { kind: 'post', id: post._id.toHexString() }, reason: 'abuse' });
    expect((await CommunityPostModel.findById(post._id).lean())).toMatchObject({ state: 'published', reportWeight: 2 });
  });

  it('a comment reported over the threshold is hidden from its thread and its post’s count', async () => {
    const post = await buildPost();
    const comment = await buildComment(post);
    for (const reporter of await Promise.all([buildWriter(), buildWriter(), buildWriter()])) {
      await member('community.report', reporter.auth, { target: { kind: 'comment', id: comment._id.toHexString() }, reason: 'abuse' });
    }
    expect((await CommunityCommentModel.findById(comment._id).lean())?.state).toBe('in_review');
    expect((await CommunityPostModel.findById(post._id).lean())?.commentCount).toBe(0);
    expect((await ops('ops.community.queue', { view: 'review', kind: 'comment' })).body.items.map((item: { id: string }) => item.id)).toContain(comment._id.toHexString());
  });
});

describe('authors', () => {
  it('mute for a period (audited): the author cannot post or comment; 0 lifts it; the history shows their record', async () => {
    const author = await buildWriter();
    await buildPost({ author: author.member, state: 'removed' });
    await buildPost({ author: author.member });
    const muted = await ops('ops.community.mute', { memberId: author.id, days: 3, reason: '多次发广告' });
    expect(muted.body.mutedUntil).toEqual(expect.any(String));
    expect((await member('community.create', author.auth, { text: '你好', idempotencyKey: 'mute-test-1' })).body.error.code).toBe('COMMUNITY_MUTED');
    expect(await AuditEntryModel.findOne({ action: 'ops.community.mute', 'subject.id': author.id }).lean()).toMatchObject({ outcome: 'applied', reason: '多次发广告' });
    const history = await ops('ops.community.author', { memberId: author.id });
    expect(history.body.author).toMatchObject({ memberId: author.id, posts: 2, comments: 0, removed: 1, mutedUntil: muted.body.mutedUntil });
    expect(history.body.items).toHaveLength(2);
    expect((await ops('ops.community.mute', { memberId: author.id, days: 0, reason: '解除禁言' })).body.mutedUntil).toBeNull();
    expect((await ops('ops.community.author', { memberId: 'a'.repeat(24) })).status).toBe(404);
  });
});

describe('topics and the word list (ops and moderators)', () => {
  it('topics: created, unique by code, edited on the version loaded, hidden from members when inactive; audited', async () => {
    const opsCookie = await opsCookieFor(app.http, await buildOperator({ roles: ['ops'] }));
    const created = await ops('ops.community.topics.save', { code: 'bake-class', name: '烘焙课', reason: '新话题' }, opsCookie);
    expect(created.body).toMatchObject({ code: 'bake-class', name: '烘焙课', active: true, version: 0 });
    expect((await ops('ops.community.topics.save', { code: 'bake-class', name: '又一个', reason: '重复' }, opsCookie)).body.error.code).toBe('OPS_TOPIC_CODE_TAKEN');
    expect((await member('community.topics', null, {})).body.topics.map((topic: { code: string }) => topic.code)).toContain('bake-class');
    const edited = await ops('ops.community.topics.save', { id: created.body.id, version: 0, code: 'bake-class', name: '烘焙课', active: false, reason: '下线' });
    expect(edited.body).toMatchObject({ active: false, version: 1 });
    expect((await ops('ops.community.topics.save', { id: created.body.id, version: 0, code: 'bake-class', name: '旧版', reason: '过期' })).body.error.code).toBe('STALE_VERSION');
    expect((await member('community.topics', null, {})).body.topics.map((topic: { code: string }) => topic.code)).not.toContain('bake-class');
    expect(await AuditEntryModel.countDocuments({ action: 'ops.community.topics.save', 'subject.id': created.body.id, outcome: 'applied' })).toBe(2);
    expect((await ops('ops.community.topics.list', {}, analyst)).status).toBe(403);
  });

  it('words: a block word refuses texts at once, deleting it lets them through; duplicates 409; audited', async () => {
    const writer = await buildWriter();
    await sandbox.control().visit({ openid: writer.member.openid });
    const saved = await ops('ops.community.words.save', { word: '刷单', action: 'block', reason: '诈骗词' });
    expect(saved.body).toMatchObject({ word: '刷单', action: 'block', replacement: null, version: 0 });
    expect((await ops('ops.community.words.save', { word: '刷单', action: 'review', reason: '重复' })).body.error.code).toBe('OPS_WORD_TAKEN');
    expect((await member('community.create', writer.auth, { text: '招人刷单', idempotencyKey: 'words-test-1' })).body.error.code).toBe('COMMUNITY_CONTENT_REJECTED');
    expect((await ops('ops.community.words.list', { query: '刷' })).body.items.map((word: { word: string }) => word.word)).toEqual(['刷单']);
    expect((await ops('ops.community.words.delete', { id: saved.body.id, version: 0, reason: '误加' })).status).toBe(200);
    expect((await member('community.create', writer.auth, { text: '招人刷单', idempotencyKey: 'words-test-2' })).body.post.status).toBe('published');
    expect((await ops('ops.community.words.list', { query: '刷' })).body.items).toEqual([]);
    expect(await AuditEntryModel.countDocuments({ 'subject.type': 'ModerationWord', 'subject.id': saved.body.id, outcome: 'applied' })).toBe(2);
  });
});

import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildPost, buildTopic, buildWriter } from '../test/communityFactories';
import { useWechatSandbox } from '../test/wechatSandbox';
import { CommunityPostModel } from './CommunityPost.model';
import { MemberModel } from '../members/Member.model';

useTestDatabase();
const sandbox = useWechatSandbox();
let app: TestApp;
beforeAll(() => {
  app = buildTestApp({ config: sandbox.config() });
});
beforeEach(async () => {
  await sandbox.control().reset();
  await CommunityPostModel.deleteMany({});
});

const call = (route: string, auth: string | null, body: object) => {
  const request = app.http.post(`/api/${route}`);
  return (auth ? request.set('Authorization', auth) : request).send(body);
};
const HOUR = 3_600_000;
const texts = (body: { items: { text: string }[] }): string[] => body.items.map((item) => item.text);
let keys = 0;
const key = (): string => `key-${Date.now()}-${(keys += 1)}`;

describe('community.feed', () => {
  it('最新: newest first, page by page with the cursor, no post twice or missed', async () => {
    const now = Date.now();
    for (let index = 0; index < 5; index += 1) await buildPost({ text: `帖${index}`, createdAt: new Date(now - index * HOUR) });
    // Two posts at the same instant: the id breaks the tie.
    await buildPost({ text: '同时A', createdAt: new Date(now - 10 * HOUR) });
    await buildPost({ text: '同时B', createdAt: new Date(now - 10 * HOUR) });
    const first = await call('community.feed', null, { limit: 3 });
    expect(texts(first.body)).toEqual(['帖0', '帖1', '帖2']);
    const second = await call('community.feed', null, { limit: 3, cursor: first.body.nextCursor });
    expect(texts(second.body)).toEqual(['帖3', '帖4', '同时B']);
    const third = await call('community.feed', null, { limit: 3, cursor: second.body.nextCursor });
    expect([texts(third.body), third.body.nextCursor]).toEqual([['同时A'], null]);
    expect((await call('community.feed', null, { cursor: 'not-a-cursor' })).status).toBe(400);
  });

  it('热门: engagement weighed against age (a comment counts twice a like), only the last days, with the cursor', async () => {
    const now = Date.now();
    await buildPost({ text: '新而冷', createdAt: new Date(now - HOUR) });
    await buildPost({ text: '旧而热', likeCount: 40, commentCount: 10, createdAt: new Date(now - 30 * HOUR) });
    await buildPost({ text: '评论多', likeCount: 0, commentCount: 3, createdAt: new Date(now - 2 * HOUR) });
    await buildPost({ text: '点赞多', likeCount: 3, commentCount: 0, createdAt: new Date(now - 2 * HOUR) });
    await buildPost({ text: '太旧了', likeCount: 1000, commentCount: 500, createdAt: new Date(now - 8 * 24 * HOUR) });
    const hot = await call('community.feed', null, { sort: 'hot', limit: 2 });
    expect(texts(hot.body)).toEqual(['旧而热', '评论多']);
    const rest = await call('community.feed', null, { sort: 'hot', limit: 5, cursor: hot.body.nextCursor });
    expect(texts(rest.body)).toEqual(['点赞多', '新而冷']);
  });

  it('a like moves a post up 热门 (its score follows its counts)', async () => {
    const now = Date.now();
    const older = await buildPost({ text: '早一点', createdAt: new Date(now - 3 * HOUR) });
    await buildPost({ text: '晚一点', createdAt: new Date(now - HOUR) });
    expect(texts((await call('community.feed', null, { sort: 'hot' })).body)).toEqual(['晚一点', '早一点']);
    for (let index = 0; index < 3; index += 1) {
      const fan = await buildWriter();
      await call('community.like', fan.auth, { postId: older._id.toHexString() });
    }
    expect(texts((await call('community.feed', null, { sort: 'hot' })).body)).toEqual(['早一点', '晚一点']);
  });

  it('filters by topic; a blocked author’s posts leave the blocker’s feed (and come back when unblocked)', async () => {
    const topic = await buildTopic();
    const author = await buildWriter();
    const post = await buildPost({ author: author.member, text: '晒蛋糕', topicCode: topic.code });
    await buildPost({ text: '别的' });
    expect(texts((await call('community.feed', null, { topicCode: topic.code })).body)).toEqual(['晒蛋糕']);
    expect((await call('community.topics', null, {})).body.topics).toContainEqual({ code: topic.code, name: '晒生日', description: null });

    const reader = await buildWriter();
    const blocked = await call('community.block', reader.auth, { target: { kind: 'post', id: post._id.toHexString() } });
    expect(blocked.status).toBe(200);
    expect(texts((await call('community.feed', reader.auth, {})).body)).toEqual(['别的']);
    expect(texts((await call('community.feed', null, {})).body)).toEqual(['别的', '晒蛋糕']);
    const blocks = await call('community.blocks', reader.auth, {});
    expect(blocks.body.items).toEqual([{ blockId: blocked.body.blockId, author: { nickname: author.member.nickname, avatarUrl: null }, blockedAt: expect.any(String) }]);
    expect((await call('community.unblock', reader.auth, { blockId: blocked.body.blockId })).status).toBe(200);
    expect(texts((await call('community.feed', reader.auth, {})).body)).toEqual(['别的', '晒蛋糕']);
    const self = await call('community.block', author.auth, { target: { kind: 'post', id: post._id.toHexString() } });
    expect([self.status, self.body.error.code]).toEqual([422, 'COMMUNITY_BLOCK_SELF']);
  });

  it('shows an author’s nickname only once it passed its check; the author always sees their own', async () => {
    const author = await buildWriter({ nickname: '加微信小店', nicknameReview: { reason: 'review', label: 10001, traceId: null, heldAt: new Date() } });
    await buildPost({ author: author.member });
    expect((await call('community.feed', null, {})).body.items[0].author.nickname).toBe('微信好友');
    expect((await call('community.feed', author.auth, {})).body.items[0]).toMatchObject({ author: { nickname: '加微信小店' }, mine: true });
    await MemberModel.updateOne({ _id: author.member._id }, { $set: { nicknameReview: null } });
    expect((await call('community.feed', null, {})).body.items[0].author.nickname).toBe('加微信小店');
  });
});

describe('comments', () => {
  async function commenter() {
    const writer = await buildWriter();
    await sandbox.control().visit({ openid: writer.member.openid });
    return writer;
  }

  it('comments and replies one level deep, addressed to a person; counts follow; the author deletes their own', async () => {
    const post = await buildPost();
    const postId = post._id.toHexString();
    const alice = await commenter();
    const bob = await commenter();
    const top = await call('community.comment', alice.auth, { postId, text: '生日快乐！', idempotencyKey: key() });
    expect(top.body.comment).toMatchObject({ parentId: null, replyTo: null, status: 'published', mine: true });
    const reply = await call('community.comment', bob.auth, { postId, text: '同乐', replyToCommentId: top.body.comment.id, idempotencyKey: key() });
    expect(reply.body.comment).toMatchObject({ parentId: top.body.comment.id, replyTo: { nickname: alice.member.nickname } });
    // A reply to a reply stays in the thread of the top-level comment, addressed to the reply's author.
    const deeper = await call('community.comment', alice.auth, { postId, text: '谢谢', replyToCommentId: reply.body.comment.id, idempotencyKey: key() });
    expect(deeper.body.comment).toMatchObject({ parentId: top.body.comment.id, replyTo: { nickname: bob.member.nickname } });
    expect((await call('community.post', null, { postId })).body.post.commentCount).toBe(3);

    const listed = await call('community.comments', null, { postId, limit: 2 });
    expect(texts(listed.body)).toEqual(['生日快乐！', '同乐']);
    expect(texts((await call('community.comments', null, { postId, cursor: listed.body.nextCursor })).body)).toEqual(['谢谢']);

    expect((await call('community.deleteComment', alice.auth, { commentId: reply.body.comment.id })).status).toBe(404);
    expect((await call('community.deleteComment', bob.auth, { commentId: reply.body.comment.id })).status).toBe(200);
    expect((await call('community.deleteComment', bob.auth, { commentId: reply.body.comment.id })).status).toBe(200);
    expect((await call('community.post', null, { postId })).body.post.commentCount).toBe(2);
    expect(texts((await call('community.comments', null, { postId })).body)).toEqual(['生日快乐！', '谢谢']);
  });

  it('risky comments are refused (scene 2); held ones are seen by their author only; a comment needs a bound phone', async () => {
    const post = await buildPost();
    const postId = post._id.toHexString();
    await sandbox.control().addMsgSecRule({ keyword: '评论违规', suggest: 'risky', label: 20001, scene: 2 });
    const writer = await commenter();
    expect((await call('community.comment', writer.auth, { postId, text: '评论违规', idempotencyKey: key() })).body.error.code).toBe('COMMUNITY_CONTENT_REJECTED');
    const held = await call('community.comment', writer.auth, { postId, text: '加微信聊', idempotencyKey: key() });
    expect(held.body.comment.status).toBe('reviewing');
    expect(texts((await call('community.comments', writer.auth, { postId })).body)).toEqual(['加微信聊']);
    expect((await call('community.comments', null, { postId })).body.items).toEqual([]);
    expect((await call('community.post', null, { postId })).body.post.commentCount).toBe(0);
    const noPhone = await buildWriter({ phone: null });
    expect((await call('community.comment', noPhone.auth, { postId, text: '你好', idempotencyKey: key() })).body.error.code).toBe('COMMUNITY_PHONE_REQUIRED');
  });

  it('the author deletes their own post: gone for everyone, others cannot delete it', async () => {
    const author = await buildWriter();
    const post = await buildPost({ author: author.member });
    const postId = post._id.toHexString();
    const other = await buildWriter();
    expect((await call('community.delete', other.auth, { postId })).status).toBe(404);
    expect((await call('community.delete', author.auth, { postId })).status).toBe(200);
    expect((await call('community.post', author.auth, { postId })).status).toBe(404);
    expect((await call('community.feed', author.auth, {})).body.items).toEqual([]);
  });
});

import { errorMessages } from '@cakeday/shared';
import { MemberModel } from '../members/Member.model';
import { buildTestApp, type TestApp } from '../test/app';
import { buildPost, buildWriter } from '../test/communityFactories';
import { useTestDatabase } from '../test/database';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { useWechatSandbox } from '../test/wechatSandbox';

/**
 * The one text-moderation path: a word a moderator lists in the console applies to every text a member writes that
 * others see (nickname, wish and note, post, comment) before WeChat is asked, with each feature's own refusal.
 */
useTestDatabase();
const sandbox = useWechatSandbox();
let app: TestApp;
let moderator: string;
beforeAll(async () => {
  app = buildTestApp({ config: sandbox.config() });
  moderator = await opsCookieFor(app.http, await buildOperator({ roles: ['moderator'] }));
});
beforeEach(async () => {
  await sandbox.control().reset();
});

const ops = (name: string, body: object) => app.http.post(`/api/${name}`).set('Cookie', moderator).send(body);
const member = (route: string, auth: string | null, body: object) => {
  const request = app.http.post(`/api/${route}`);
  return (auth ? request.set('Authorization', auth) : request).send(body);
};
const msgSecChecks = async (): Promise<number> => (await sandbox.control().calls())['msg_sec_check'] ?? 0;
let keys = 0;
const key = (): string => `word-key-${(keys += 1)}`;

async function visitedWriter() {
  const writer = await buildWriter({ nickname: '小麦' });
  await sandbox.control().visit({ openid: writer.member.openid });
  return writer;
}

async function listWord(word: string, action: 'block' | 'review' | 'replace', replacement: string | null = null): Promise<{ id: string; version: number }> {
  const saved = await ops('ops.community.words.save', { word, action, replacement, reason: '测试词库' });
  expect(saved.status).toBe(200);
  return saved.body;
}

/** What a friend with the share link sees of the owner and their wishes. */
async function friendView(auth: string): Promise<{ owner: { nickname: string }; wishes: { text: string | null }[] }> {
  const shared = await member('wishlist.share', auth, { shared: true });
  return (await member('wishlist.view', null, { shareId: shared.body.share.shareId })).body;
}

describe('the console word list on every member text', () => {
  it('a block word is refused in a nickname, a wish, a note, a post and a comment alike, without asking WeChat', async () => {
    await listWord('蛋糕代购', 'block');
    const writer = await visitedWriter();
    const post = await buildPost({ state: 'published' });
    const before = await msgSecChecks();

    const refusals = [
      await member('members.update', writer.auth, { nickname: '蛋糕代购小王' }),
      await member('wishlist.add', writer.auth, { kind: 'text', text: '找蛋糕代购' }),
      await member('wishlist.add', writer.auth, { kind: 'text', text: '一束花', note: '蛋糕代购联系我' }),
      await member('community.create', writer.auth, { text: '专业蛋糕代购', idempotencyKey: key() }),
      await member('community.comment', writer.auth, { postId: post._id.toHexString(), text: '蛋糕代购找我', idempotencyKey: key() }),
    ];
    expect(refusals.map((response) => [response.status, response.body.error?.code])).toEqual([
      [422, 'NICKNAME_CONTENT_REJECTED'],
      [422, 'WISH_CONTENT_REJECTED'],
      [422, 'WISH_CONTENT_REJECTED'],
      [422, 'COMMUNITY_CONTENT_REJECTED'],
      [422, 'COMMUNITY_CONTENT_REJECTED'],
    ]);
    expect(refusals[0]?.body.error.message).toBe(errorMessages.NICKNAME_CONTENT_REJECTED);
    // WeChat was asked once: for the wish text 一束花 (checked before its note); never for a listed word.
    expect(await msgSecChecks()).toBe(before + 1);
    expect((await MemberModel.findById(writer.id).lean())?.nickname).toBe('小麦');
    expect((await member('wishlist.mine', writer.auth, {})).body.wishes).toEqual([]);
  });

  it('a review word holds a nickname and a wish from friends though WeChat passes them', async () => {
    await listWord('私聊', 'review');
    const writer = await visitedWriter();

    const nickname = await member('members.update', writer.auth, { nickname: '私聊小麦' });
    expect([nickname.status, nickname.body.nicknameInReview]).toEqual([200, true]);
    await member('wishlist.add', writer.auth, { kind: 'text', text: '私聊告诉你' });
    expect((await member('wishlist.mine', writer.auth, {})).body.wishes[0].inReview).toEqual(['text']);

    const view = await friendView(writer.auth);
    expect([view.owner.nickname, view.wishes]).toEqual(['微信好友', []]);
  });

  it('a replace word is replaced in what is stored and shown; a deleted word stops applying', async () => {
    const word = await listWord('笨蛋', 'replace', '**');
    const writer = await visitedWriter();

    const replaced = await member('members.update', writer.auth, { nickname: '笨蛋麦麦' });
    expect([replaced.status, replaced.body.nickname, replaced.body.nicknameInReview]).toEqual([200, '**麦麦', false]);
    expect((await friendView(writer.auth)).owner.nickname).toBe('**麦麦');

    expect((await ops('ops.community.words.delete', { id: word.id, version: word.version, reason: '误伤' })).status).toBe(200);
    expect((await member('members.update', writer.auth, { nickname: '笨蛋麦麦' })).body.nickname).toBe('笨蛋麦麦');
  });
});

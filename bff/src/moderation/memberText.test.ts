import { errorMessages } from '@cakeday/shared';
import { MemberModel } from '../members/Member.model';
import { WishlistModel } from '../wishlist/Wishlist.model';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { useWechatSandbox } from '../test/wechatSandbox';

useTestDatabase();
const sandbox = useWechatSandbox();
let http: TestApp['http'];
beforeAll(() => {
  http = buildTestApp({ config: sandbox.config() }).http;
});
beforeEach(async () => {
  // The sandbox's defaults: 赌博 → risky, 加微信 → review.
  await sandbox.control().reset();
});

const RLO = '\u202E';

async function author(options: { visited?: boolean } = {}): Promise<{ id: string; auth: string }> {
  const member = await buildMember({ nickname: '小麦' });
  if (options.visited !== false) await sandbox.control().visit({ openid: member.openid });
  return { id: member._id.toHexString(), auth: await sessionFor(member) };
}

const post = (route: string, auth: string | null, body: object) => {
  const request = http.post(`/api/${route}`);
  return (auth ? request.set('Authorization', auth) : request).send(body);
};

/** What a friend with the share link sees. */
async function friendView(auth: string): Promise<{ owner: { nickname: string }; wishes: { text: string | null; note: string | null; inReview: string[] }[] }> {
  const shared = await post('wishlist.share', auth, { shared: true });
  return (await post('wishlist.view', null, { shareId: shared.body.share.shareId })).body;
}

describe('nicknames (msgSecCheck scene 1)', () => {
  it('risky: 422 NICKNAME_CONTENT_REJECTED with the Chinese message, nothing stored', async () => {
    const member = await author();
    const refused = await post('members.update', member.auth, { nickname: '赌博加微信' });
    expect([refused.status, refused.body.error]).toEqual([422, expect.objectContaining({ code: 'NICKNAME_CONTENT_REJECTED', message: errorMessages.NICKNAME_CONTENT_REJECTED })]);
    expect((await MemberModel.findById(member.id).lean())?.nickname).toBe('小麦');
  });

  it('review: stored and shown to its author marked in review, friends see the default name', async () => {
    const member = await author();
    const held = await post('members.update', member.auth, { nickname: '加微信聊' });
    expect([held.status, held.body.nickname, held.body.nicknameInReview]).toEqual([200, '加微信聊', true]);
    expect((await post('members.me', member.auth, {})).body).toMatchObject({ nickname: '加微信聊', nicknameInReview: true });
    expect((await friendView(member.auth)).owner.nickname).toBe('微信好友');

    const passed = await post('members.update', member.auth, { nickname: '麦麦' });
    expect(passed.body.nicknameInReview).toBe(false);
    expect((await friendView(member.auth)).owner.nickname).toBe('麦麦');
  });

  it('WeChat unavailable or the author not seen for 2 hours: held, never shown unchecked', async () => {
    await sandbox.control().injectFault('msg_sec_check', -1);
    const member = await author();
    expect((await post('members.update', member.auth, { nickname: '甜甜' })).body.nicknameInReview).toBe(true);
    expect((await friendView(member.auth)).owner.nickname).toBe('微信好友');

    const stale = await author({ visited: false });
    expect((await post('members.update', stale.auth, { nickname: '甜甜' })).body.nicknameInReview).toBe(true);
  });

  it('is checked with scene 1: a rule for profiles only refuses the nickname, not the same words in a wish', async () => {
    await sandbox.control().addMsgSecRule({ keyword: '资料违规', suggest: 'risky', label: 20001, scene: 1 });
    const member = await author();
    expect((await post('members.update', member.auth, { nickname: '资料违规' })).status).toBe(422);
    expect((await post('wishlist.add', member.auth, { kind: 'text', text: '资料违规' })).status).toBe(200);
  });

  it('wishes are checked with scene 4: a rule for social posts only refuses the wish, not the nickname', async () => {
    await sandbox.control().addMsgSecRule({ keyword: '日志违规', suggest: 'risky', label: 20001, scene: 4 });
    const member = await author();
    expect((await post('wishlist.add', member.auth, { kind: 'text', text: '日志违规' })).status).toBe(422);
    expect((await post('members.update', member.auth, { nickname: '日志违规' })).status).toBe(200);
  });

  it('control and bidi-override characters are stripped before the check and never stored', async () => {
    const member = await author();
    const response = await post('members.update', member.auth, { nickname: `\u0007麦${RLO}麦\u200B` });
    expect(response.body.nickname).toBe('麦麦');
    expect((await MemberModel.findById(member.id).lean())?.nickname).toBe('麦麦');
    // Splitting the keyword with invisible characters does not get it past the check.
    expect((await post('members.update', member.auth, { nickname: `赌\u200B${RLO}博` })).status).toBe(422);
    expect((await post('members.update', member.auth, { nickname: `${RLO}\u200E` })).status).toBe(400);
  });
});

describe('wishes and notes (msgSecCheck scene 4)', () => {
  it('risky text or note: 422 WISH_CONTENT_REJECTED, nothing added or changed', async () => {
    const member = await author();
    const text = await post('wishlist.add', member.auth, { kind: 'text', text: '一起去赌博' });
    expect([text.status, text.body.error.code, text.body.error.message]).toEqual([422, 'WISH_CONTENT_REJECTED', errorMessages.WISH_CONTENT_REJECTED]);
    const note = await post('wishlist.add', member.auth, { kind: 'text', text: '一束花', note: '赌博' });
    expect(note.status).toBe(422);
    expect((await WishlistModel.findById(member.id).lean())?.wishes ?? []).toEqual([]);

    const added = await post('wishlist.add', member.auth, { kind: 'text', text: '一束花' });
    const wishId = added.body.wishes[0].id as string;
    expect((await post('wishlist.update', member.auth, { wishId, text: '赌博' })).status).toBe(422);
    expect((await post('wishlist.mine', member.auth, {})).body.wishes[0].text).toBe('一束花');
  });

  it('review: the author sees the wish marked in review; friends do not see the text (nor a held note)', async () => {
    const member = await author();
    await post('wishlist.add', member.auth, { kind: 'text', text: '加微信一起过生日' });
    await post('wishlist.add', member.auth, { kind: 'text', text: '一束花', note: '加微信告诉你颜色' });
    const mine = (await post('wishlist.mine', member.auth, {})).body.wishes;
    expect(mine.map((wish: { text: string; inReview: string[] }) => [wish.text, wish.inReview])).toEqual([
      ['加微信一起过生日', ['text']],
      ['一束花', ['note']],
    ]);
    const view = await friendView(member.auth);
    expect(view.wishes.map((wish) => [wish.text, wish.note, wish.inReview])).toEqual([['一束花', null, []]]);

    // Clearing the held note clears its hold.
    const wishId = mine[1].id as string;
    await post('wishlist.update', member.auth, { wishId, note: '' });
    expect((await post('wishlist.mine', member.auth, {})).body.wishes[1].inReview).toEqual([]);
  });

  it('WeChat unavailable: the wish is held, not shown to friends', async () => {
    await sandbox.control().injectFault('msg_sec_check', -1);
    const member = await author();
    await post('wishlist.add', member.auth, { kind: 'text', text: '生日快乐' });
    expect((await post('wishlist.mine', member.auth, {})).body.wishes[0].inReview).toEqual(['text']);
    expect((await friendView(member.auth)).wishes).toEqual([]);
  });

  it('a right-to-left override in a wish text or note is stripped before it is stored or shown', async () => {
    const member = await author();
    const added = await post('wishlist.add', member.auth, { kind: 'text', text: `我想要${RLO}gnp.exe`, note: `\u2066备注\u2069\u0000` });
    expect(added.status).toBe(200);
    const stored = (await WishlistModel.findById(member.id).lean())?.wishes[0];
    expect([stored?.text, stored?.note]).toEqual(['我想要gnp.exe', '备注']);
    expect((await friendView(member.auth)).wishes.map((wish) => wish.text)).toEqual(['我想要gnp.exe']);
  });
});

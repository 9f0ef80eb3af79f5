import { buildTestApp, type TestApp } from '../test/app';
import { buildWriter, pngPhoto } from '../test/communityFactories';
import { useTestDatabase } from '../test/database';
import { useWechatSandbox } from '../test/wechatSandbox';
import { MessagePushInboxModel } from '../wechat/messagePush/MessagePushInbox.model';
import { MemberModel } from './Member.model';

useTestDatabase();
// The sandbox fetches each avatar from the BFF (PUBLIC_BASE_URL is the app's listener) and pushes its signed verdict.
const sandbox = useWechatSandbox({ push: { mode: 'safe' } });
let app: TestApp;
beforeAll(() => {
  app = buildTestApp({ config: sandbox.config({ PUBLIC_BASE_URL: sandbox.appUrl(), WECHAT_PUSH_HANDLE_BUDGET_MS: '4000' }) });
});
beforeEach(async () => {
  await sandbox.control().reset();
  sandbox.serve(app.server);
  await MessagePushInboxModel.deleteMany({});
});

const call = (route: string, auth: string | null, body: object) => {
  const request = app.http.post(`/api/${route}`);
  return (auth ? request.set('Authorization', auth) : request).send(body);
};

/** The sandbox judges every avatar that arrives from now on `suggest` (it judges when the check arrives). */
const judgeAvatars = (suggest: 'pass' | 'review' | 'risky') =>
  sandbox.control().setMediaCheckRules([{ urlContains: '/media/avatars/', suggest, label: suggest === 'pass' ? 100 : 20002 }]);

/** A member (seen by WeChat within 2 hours) uploads an avatar that the sandbox judges `suggest`. */
async function uploadJudged(suggest: 'pass' | 'review' | 'risky') {
  const member = await buildWriter({ nickname: '麦麦' });
  await sandbox.control().visit({ openid: member.member.openid });
  await judgeAvatars(suggest);
  const uploaded = await call('members.uploadAvatar', member.auth, { imageBase64: (await pngPhoto(120, 120)).toString('base64') });
  expect(uploaded.status).toBe(200);
  const avatarUrl = uploaded.body.avatarUrl as string;
  const shared = await call('wishlist.share', member.auth, { shared: true });
  const friendSees = async (): Promise<string | null> => (await call('wishlist.view', null, { shareId: shared.body.share.shareId })).body.owner.avatarUrl;
  return { member, avatarUrl, friendSees };
}

async function traceOf(avatarUrl: string): Promise<string> {
  const check = (await sandbox.control().mediaChecks()).find((request) => request.mediaUrl === avatarUrl);
  if (!check) throw new Error(`no mediaCheckAsync for ${avatarUrl}`);
  return check.traceId;
}

async function deliverVerdictOf(avatarUrl: string): Promise<void> {
  const deliveries = await sandbox.control().deliverMediaVerdicts(await traceOf(avatarUrl));
  expect(deliveries.map((delivery) => delivery.delivered)).toEqual([true]);
}

describe('uploaded avatars are image-checked by WeChat (mediaCheckAsync, the verdict pushed)', () => {
  it('sends the public URL with the member’s openid (scene 1); friends see the default face until the pass arrives', async () => {
    const { member, avatarUrl, friendSees } = await uploadJudged('pass');
    const [request] = (await sandbox.control().mediaChecks()).filter((check) => check.mediaUrl === avatarUrl);
    expect(request).toMatchObject({ openid: member.member.openid, scene: 1, mediaType: 2 });
    expect((await call('members.me', member.auth, {})).body.avatarUrl).toBe(avatarUrl);
    expect(await friendSees()).toBeNull();

    await deliverVerdictOf(avatarUrl);
    expect(await friendSees()).toBe(avatarUrl);
  });

  it('risky: the avatar is removed (the member falls back to the default face) and its address stops serving', async () => {
    const { member, avatarUrl, friendSees } = await uploadJudged('risky');
    expect((await app.http.get(new URL(avatarUrl).pathname)).status).toBe(200);

    await deliverVerdictOf(avatarUrl);
    expect((await call('members.me', member.auth, {})).body.avatarUrl).toBeNull();
    expect((await app.http.get(new URL(avatarUrl).pathname)).status).toBe(404);
    expect(await friendSees()).toBeNull();
    // A re-sent push changes nothing more.
    const [again] = await sandbox.control().deliverMediaVerdicts(await traceOf(avatarUrl));
    expect(again?.delivered ?? true).toBe(true);
    expect((await MemberModel.findById(member.id).lean())?.avatarUrl).toBeNull();
  });

  it('review or no verdict at all: kept for the member, hidden from friends', async () => {
    const reviewed = await uploadJudged('review');
    await deliverVerdictOf(reviewed.avatarUrl);
    expect((await call('members.me', reviewed.member.auth, {})).body.avatarUrl).toBe(reviewed.avatarUrl);
    expect(await reviewed.friendSees()).toBeNull();

    const unanswered = await uploadJudged('pass');
    expect(await unanswered.friendSees()).toBeNull();
  });

  it('mediaCheckAsync refused by WeChat: hidden from friends, never shown unchecked', async () => {
    await sandbox.control().injectFault('media_check_async', -1, 1);
    const { member, avatarUrl, friendSees } = await uploadJudged('pass');
    expect((await call('members.me', member.auth, {})).body.avatarUrl).toBe(avatarUrl);
    expect(await friendSees()).toBeNull();
    expect((await MemberModel.findById(member.id).lean())?.avatarCheck?.state).toBe('failed');
  });

  it('a late verdict on an avatar the member has since replaced changes nothing', async () => {
    const { member, avatarUrl: first, friendSees } = await uploadJudged('risky');
    await judgeAvatars('pass');
    const second = (await call('members.uploadAvatar', member.auth, { imageBase64: (await pngPhoto(90, 90)).toString('base64') })).body.avatarUrl as string;
    await deliverVerdictOf(first);
    expect((await call('members.me', member.auth, {})).body.avatarUrl).toBe(second);
    await deliverVerdictOf(second);
    expect(await friendSees()).toBe(second);
  });
});

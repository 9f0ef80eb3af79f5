import { AVATAR_MAX_BYTES } from '@cakeday/shared';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { useWechatSandbox } from '../test/wechatSandbox';
import { recordMediaVerdict } from '../community/applyMediaVerdict';
import { settleAvatarCheck } from './avatarCheck';
import { MemberModel } from './Member.model';

useTestDatabase();
const sandbox = useWechatSandbox();

const clock = { now: new Date('2026-05-10T04:00:00.000Z') };
let http: TestApp['http'];
beforeAll(() => {
  http = buildTestApp({ config: sandbox.config(), now: () => clock.now }).http;
});
beforeEach(() => {
  clock.now = new Date('2026-05-10T04:00:00.000Z');
});

/** A 1×1 PNG, then any bytes: the type is read from the first bytes only. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const JPEG_START = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);

async function signedIn(): Promise<{ memberId: string; openid: string; auth: string }> {
  const member = await buildMember({ createdAt: new Date('2025-09-01T02:00:00.000Z'), nickname: '小麦' });
  return { memberId: member._id.toHexString(), openid: member.openid, auth: await sessionFor(member, { now: clock.now }) };
}

function upload(auth: string | null, imageBase64: string) {
  const request = http.post('/api/members.uploadAvatar');
  return (auth ? request.set('Authorization', auth) : request).send({ imageBase64 });
}

function pathOf(url: string): string {
  return new URL(url).pathname;
}

describe('members.uploadAvatar', () => {
  it('401 without a session', async () => {
    expect((await upload(null, PNG.toString('base64'))).status).toBe(401);
  });

  it('400 when the body is not base64', async () => {
    const { auth } = await signedIn();
    expect((await upload(auth, 'not base64!')).status).toBe(400);
  });

  it('422 AVATAR_TYPE_UNSUPPORTED when the bytes are not an image, whatever they claim', async () => {
    const { auth } = await signedIn();
    const response = await upload(auth, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64'));
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('AVATAR_TYPE_UNSUPPORTED');
  });

  it('422 AVATAR_TOO_LARGE above the byte limit (a body larger than the usual API limit still reaches the check)', async () => {
    const { auth, memberId } = await signedIn();
    const tooLarge = Buffer.concat([JPEG_START, Buffer.alloc(AVATAR_MAX_BYTES + 1 - JPEG_START.length, 7)]);
    const response = await upload(auth, tooLarge.toString('base64'));
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('AVATAR_TOO_LARGE');
    expect((await MemberModel.findById(memberId).lean())?.avatarUrl).toBeNull();
  });

  it('200: stores the picture, serves it at an unguessable public address and shows it in members.me', async () => {
    const { auth } = await signedIn();
    const response = await upload(auth, PNG.toString('base64'));
    expect(response.status).toBe(200);
    const avatarUrl = response.body.avatarUrl as string;
    expect(avatarUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\/avatars\/[A-Za-z0-9_-]{24}$/);

    const image = await http.get(pathOf(avatarUrl)).buffer(true);
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(Buffer.compare(image.body as Buffer, PNG)).toBe(0);

    const me = await http.post('/api/members.me').set('Authorization', auth).send({});
    expect(me.body.avatarUrl).toBe(avatarUrl);
  });

  it('a new avatar replaces the old one, whose address then answers 404', async () => {
    const { auth } = await signedIn();
    const first = (await upload(auth, PNG.toString('base64'))).body.avatarUrl as string;
    clock.now = new Date('2026-05-10T04:05:00.000Z');
    const second = (await upload(auth, Buffer.concat([JPEG_START, Buffer.alloc(64, 1)]).toString('base64'))).body.avatarUrl as string;
    expect(second).not.toBe(first);
    expect((await http.get(pathOf(first))).status).toBe(404);
    const served = await http.get(pathOf(second));
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
  });

  it('an upload that a newer one overtook does not take the member back to the older picture', async () => {
    const { auth, memberId } = await signedIn();
    clock.now = new Date('2026-05-10T04:05:00.000Z');
    const newer = (await upload(auth, PNG.toString('base64'))).body.avatarUrl as string;
    clock.now = new Date('2026-05-10T04:00:00.000Z');
    const late = await upload(auth, Buffer.concat([JPEG_START, Buffer.alloc(8, 2)]).toString('base64'));
    expect(late.status).toBe(200);
    expect(late.body.avatarUrl).toBe(newer);
    expect((await MemberModel.findById(memberId).lean())?.avatarUrl).toBe(newer);
    expect((await http.get(pathOf(newer))).status).toBe(200);
  });

  it('friends see the name and avatar on the shared wishlist (once WeChat passed it), and members.delete erases the picture itself', async () => {
    const { auth, openid } = await signedIn();
    await sandbox.control().visit({ openid });
    const avatarUrl = (await upload(auth, PNG.toString('base64'))).body.avatarUrl as string;
    // WeChat's pass on the image (avatarCheck.test.ts drives the pushed verdict through the message push endpoint).
    const check = (await sandbox.control().mediaChecks()).find((request) => request.mediaUrl === avatarUrl);
    if (!check) throw new Error('the avatar was not sent to mediaCheckAsync');
    await recordMediaVerdict({ traceId: check.traceId, suggest: 'pass', label: 100 }, clock.now);
    await settleAvatarCheck(check.traceId, clock.now);
    const shared = await http.post('/api/wishlist.share').set('Authorization', auth).send({ shared: true });
    const view = await http.post('/api/wishlist.view').send({ shareId: shared.body.share.shareId });
    expect(view.body.owner).toEqual({ nickname: '小麦', avatarUrl });

    expect((await http.post('/api/members.delete').set('Authorization', auth).send({ confirm: true })).status).toBe(200);
    expect((await http.get(pathOf(avatarUrl))).status).toBe(404);
  });

  it('404 for an address that was never an avatar', async () => {
    expect((await http.get('/media/avatars/AAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await http.get('/media/avatars/..%2Fx')).status).toBe(404);
  });
});

import { DEFAULT_PROGRAM_SETTINGS } from '@cakeday/shared';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { buildCouponTemplate } from '../test/mallFactories';
import { MemberModel } from '../members/Member.model';

useTestDatabase();

const now = new Date('2026-05-10T04:00:00.000Z');
let http: TestApp['http'];
beforeAll(() => {
  http = buildTestApp({ now: () => now }).http;
});

async function inviterWithCode(overrides: Parameters<typeof buildMember>[0] = {}): Promise<{ code: string; memberId: string }> {
  const member = await buildMember({ nickname: '阿梅', avatarUrl: 'https://cdn.example/a.png', ...overrides });
  const mine = await http.post('/api/referral.mine').set('Authorization', await sessionFor(member, { now })).send({});
  return { code: mine.body.code as string, memberId: member._id.toHexString() };
}

const invite = (body: object) => http.post('/api/referral.invite').send(body);

describe('referral.invite (the invite landing, public)', () => {
  it('400 for a malformed code', async () => {
    expect((await invite({ code: 'not-a-code' })).status).toBe(400);
    expect((await invite({})).status).toBe(400);
  });

  it('names the inviter as friends see them and states the newcomer’s welcome coupon, not the inviter’s reward', async () => {
    await buildCouponTemplate({ code: DEFAULT_PROGRAM_SETTINGS.referral.welcomeTemplateCode, title: '新会员首单8折券', description: '首单蛋糕饮品8折', validDays: 14 });
    const { code } = await inviterWithCode();

    const response = await invite({ code });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      inviter: { nickname: '阿梅', avatarUrl: 'https://cdn.example/a.png' },
      welcome: { title: '新会员首单8折券', description: '首单蛋糕饮品8折', validDays: 14 },
    });
    expect(JSON.stringify(response.body)).not.toMatch(/openid|积分/);
  });

  it('hides a nickname held for review, and names nobody for an unknown code or a deleted inviter (the landing still welcomes)', async () => {
    const held = await inviterWithCode({ nickname: '加微信', nicknameReview: { reason: 'review', label: 100, traceId: 't-1', heldAt: now } });
    expect((await invite({ code: held.code })).body.inviter).toEqual({ nickname: '微信好友', avatarUrl: 'https://cdn.example/a.png' });

    expect((await invite({ code: 'ABCDEFGH' })).body.inviter).toBeNull();

    const gone = await inviterWithCode();
    await MemberModel.updateOne({ _id: gone.memberId }, { $set: { status: 'deleted' } });
    expect((await invite({ code: gone.code })).body.inviter).toBeNull();
  });
});

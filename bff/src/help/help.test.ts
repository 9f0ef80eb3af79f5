import { consentTexts } from '@cakeday/shared';
import { ConsentModel } from '../consents/Consent.model';
import { CouponModel } from '../coupons/Coupon.model';
import type { Member } from '../members/Member.model';
import { ensureTestCouponTemplates } from '../referral/testSupport';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { useWechatSandbox } from '../test/wechatSandbox';
import { HelpCampaignModel } from './HelpCampaign.model';

useTestDatabase();

const clock = { now: new Date('2026-05-15T04:00:00.000Z') }; // 12:00 on 15 May in Shanghai, 5 days before 20 May
const sandbox = useWechatSandbox();
let http: TestApp['http'];

beforeAll(async () => {
  const config = sandbox.config({ HELP_ASSIST_LIMIT_PER_IP_PER_MINUTE: '100000', HELP_ASSIST_LIMIT_PER_MEMBER_PER_MINUTE: '1000' });
  http = buildTestApp({ config, now: () => clock.now }).http;
  await ensureTestCouponTemplates();
});

beforeEach(() => {
  clock.now = new Date('2026-05-15T04:00:00.000Z');
});

async function owner(overrides: Partial<Member> = {}): Promise<{ member: Member; auth: string }> {
  const member = await buildMember({ birthday: { month: 5, day: 20, year: 1990 }, nickname: '寿星', ...overrides });
  await ConsentModel.create({ memberId: member._id, purpose: 'birthday', action: 'grant', version: consentTexts.birthday.version, at: new Date('2026-01-01T00:00:00.000Z'), ip: null });
  return { member, auth: await sessionFor(member, { now: clock.now }) };
}

async function friend(nickname = '好友'): Promise<{ member: Member; auth: string }> {
  const member = await buildMember({ nickname, avatarUrl: 'https://img.example.com/a.png' });
  // The sandbox answers getuserriskrank only for a user who visited within two hours, as WeChat does.
  await sandbox.control().upsertUser({ openid: member.openid });
  await sandbox.control().visit({ openid: member.openid });
  return { member, auth: await sessionFor(member, { now: clock.now }) };
}

async function started(overrides: Partial<Member> = {}): Promise<{ member: Member; auth: string; shareId: string }> {
  const who = await owner(overrides);
  const response = await http.post('/api/help.start').set('Authorization', who.auth).send({});
  expect(response.status).toBe(200);
  return { ...who, shareId: response.body.share.shareId };
}

const assist = (auth: string, shareId: string) => http.post('/api/help.assist').set('Authorization', auth).send({ shareId });

describe('help.mine and help.start', () => {
  it('401, 400, 409 outside the window, 200 with goal and rules, 409 when started twice', async () => {
    expect((await http.post('/api/help.start').send({})).status).toBe(401);
    const { member, auth } = await owner({ tier: { level: 'gold', since: new Date('2025-01-01'), reviewedAt: null } });
    expect((await http.post('/api/help.start').set('Authorization', auth).send({ goal: 1 })).status).toBe(400);

    clock.now = new Date('2026-05-05T15:59:59.000Z'); // 23:59:59 on 5 May: 15 days before
    const early = await http.post('/api/help.start').set('Authorization', await sessionFor(member, { now: clock.now })).send({});
    expect([early.status, early.body.error.code]).toEqual([409, 'HELP_NOT_OPEN']);
    const mine = await http.post('/api/help.mine').set('Authorization', await sessionFor(member, { now: clock.now })).send({});
    expect(mine.body).toMatchObject({ canStart: false, startBlocker: 'not_open', goal: 4, window: { firstDay: '2026-05-06', lastDay: '2026-05-27', open: false }, campaign: null });

    clock.now = new Date('2026-05-05T16:00:00.000Z');
    const session = await sessionFor(member, { now: clock.now });
    const response = await http.post('/api/help.start').set('Authorization', session).send({});
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ canStart: false, startBlocker: 'already_started', goal: 4, campaign: { state: 'active', goal: 4, helpersCount: 0, remaining: 4, owner: { nickname: '寿星' }, birthday: { month: 5, day: 20 }, expiresAt: '2026-05-28T00:00:00+08:00' } });
    expect(response.body.rules[0]).toContain('集满4位好友助力');
    expect(response.body.share.scene.length).toBeLessThanOrEqual(32);
    expect(response.body.share.path).toMatch(/^\/pages\/help\/card\/index\?sid=h[0-9A-Za-z]{12}&ref=[A-Z2-9]{8}$/);
    const twice = await http.post('/api/help.start').set('Authorization', session).send({});
    expect([twice.status, twice.body.error.code]).toEqual([409, 'HELP_ALREADY_STARTED']);
  });
});

describe('help.get', () => {
  it('400 bad share id, 404 unknown, 200 for a friend who is not logged in (no year, no phone)', async () => {
    expect((await http.post('/api/help.get').send({ shareId: 'nope' })).status).toBe(400);
    expect((await http.post('/api/help.get').send({ shareId: 'h000000000000' })).status).toBe(404);
    const { shareId } = await started();
    const response = await http.post('/api/help.get').send({ shareId });
    expect(response.status).toBe(200);
    expect(response.body.viewer).toEqual({ loggedIn: false, isOwner: false, hasHelped: false, canHelp: false, blocker: 'login_required' });
    expect(response.body.campaign.birthday).toEqual({ month: 5, day: 20 });
    expect(JSON.stringify(response.body)).not.toMatch(/1990|openid|phone/);
  });
});

describe('help.assist', () => {
  it('401, 400, 404, 403 self, 403 high risk, 409 over the daily cap, 200 counted once', async () => {
    const { auth: ownerAuth, shareId } = await started();
    expect((await http.post('/api/help.assist').send({ shareId })).status).toBe(401);
    const helper = await friend();
    expect((await assist(helper.auth, 'bad')).status).toBe(400);
    expect((await assist(helper.auth, 'h000000000000')).status).toBe(404);
    const self = await assist(ownerAuth, shareId);
    expect([self.status, self.body.error.code]).toEqual([403, 'HELP_SELF']);

    const risky = await friend('风险');
    await sandbox.control().setRiskRank({ openid: risky.member.openid }, 3);
    const refused = await assist(risky.auth, shareId);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'HELP_RISK_REFUSED']);

    const first = await assist(helper.auth, shareId);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ counted: true, unlockedNow: false, campaign: { helpersCount: 1, helpers: [{ nickname: '好友' }] }, viewer: { hasHelped: true, blocker: 'already_helped' } });
    const again = await assist(helper.auth, shareId);
    expect(again.body).toMatchObject({ counted: false, campaign: { helpersCount: 1 } });

    // Three campaigns a day: the friend helps two more, the fourth is refused.
    for (let index = 0; index < 2; index += 1) expect((await assist(helper.auth, (await started()).shareId)).status).toBe(200);
    const fourth = await assist(helper.auth, (await started()).shareId);
    expect([fourth.status, fourth.body.error.code]).toEqual([409, 'HELP_DAILY_LIMIT']);
    clock.now = new Date('2026-05-15T16:00:00.000Z'); // the next Shanghai day
    expect((await assist(await sessionFor(helper.member, { now: clock.now }), (await started()).shareId)).status).toBe(200);
  });

  it('503 when getuserriskrank fails, and nothing is counted', async () => {
    const { shareId } = await started();
    const helper = await friend();
    await sandbox.control().injectFault('getuserriskrank', -1);
    const failed = await assist(helper.auth, shareId);
    expect([failed.status, failed.body.error.code]).toEqual([503, 'WECHAT_UNAVAILABLE']);
    expect((await http.post('/api/help.get').send({ shareId })).body.campaign.helpersCount).toBe(0);
    expect((await assist(helper.auth, shareId)).body).toMatchObject({ counted: true, campaign: { helpersCount: 1 } });
  });

  it('the same friend 20 times at once is counted once', async () => {
    const { shareId } = await started();
    const helper = await friend();
    const responses = await Promise.all(Array.from({ length: 20 }, () => assist(helper.auth, shareId)));
    expect(responses.map((response) => response.status)).toEqual(Array.from({ length: 20 }, () => 200));
    expect(responses.filter((response) => response.body.counted === true)).toHaveLength(1);
    const campaign = await HelpCampaignModel.findOne({}).sort({ startedAt: -1, _id: -1 }).lean();
    expect(campaign?.helpersCount).toBe(1);
    expect(campaign?.helpers).toHaveLength(1);
  });

  it('200 friends at once on a goal of 5: exactly one unlock and one coupon', async () => {
    const { member, auth, shareId } = await started(); // basic: goal 5
    const helpers = await Promise.all(Array.from({ length: 200 }, (_unused, index) => friend(`好友${index}`)));
    const responses = await Promise.all(helpers.map((helper) => assist(helper.auth, shareId)));
    const counted = responses.filter((response) => response.status === 200 && response.body.counted);
    expect(counted).toHaveLength(5);
    expect(responses.filter((response) => response.body.unlockedNow === true)).toHaveLength(1);
    expect(responses.filter((response) => response.status === 409 && response.body.error.code === 'HELP_GOAL_REACHED')).toHaveLength(195);
    expect(await CouponModel.countDocuments({ memberId: member._id, source: 'help' })).toBe(1);
    const mine = await http.post('/api/help.mine').set('Authorization', auth).send({});
    expect(mine.body.campaign).toMatchObject({ state: 'unlocked', helpersCount: 5, remaining: 0 });
    expect(mine.body.campaign.helpers).toHaveLength(5);
    expect(mine.body.couponId).toEqual(expect.any(String));
  });

  it('409 once the campaign has expired', async () => {
    const { shareId } = await started();
    clock.now = new Date('2026-05-27T16:00:00.000Z'); // 00:00 on 28 May: the window closed
    const helper = await friend();
    const late = await assist(helper.auth, shareId);
    expect([late.status, late.body.error.code]).toEqual([409, 'HELP_ENDED']);
    expect((await http.post('/api/help.get').send({ shareId })).body.campaign.state).toBe('expired');
  });
});

describe('help.assist rate limit', () => {
  it('429 past the per-member limit per minute', async () => {
    const config = sandbox.config({ HELP_ASSIST_LIMIT_PER_MEMBER_PER_MINUTE: '2', HELP_ASSIST_LIMIT_PER_IP_PER_MINUTE: '100000' });
    const limited = buildTestApp({ config, now: () => clock.now }).http;
    const { shareId } = await started();
    const helper = await friend();
    const statuses: number[] = [];
    for (let index = 0; index < 3; index += 1) {
      statuses.push((await limited.post('/api/help.assist').set('Authorization', helper.auth).send({ shareId })).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
  });
});

describe('help.poster', () => {
  it('409 before starting, 200 with a PNG after', async () => {
    const { auth } = await owner();
    expect((await http.post('/api/help.poster').set('Authorization', auth).send({})).status).toBe(409);
    await http.post('/api/help.start').set('Authorization', auth).send({});
    const poster = await http.post('/api/help.poster').set('Authorization', auth).send({});
    expect(poster.status).toBe(200);
    expect(poster.body.mimeType).toBe('image/png');
    expect(Buffer.from(poster.body.imageBase64, 'base64').subarray(0, 4).toString('hex')).toBe('89504e47');
    expect(poster.body.scene.length).toBeLessThanOrEqual(32);
  });
});

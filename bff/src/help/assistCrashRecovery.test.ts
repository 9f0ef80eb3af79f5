import { consentTexts } from '@cakeday/shared';
import { ConsentModel } from '../consents/Consent.model';
import { CouponModel } from '../coupons/Coupon.model';
import { DailyCounterModel } from '../db/DailyCounter.model';
import { dailyCounterId } from '../db/dailyCounter';
import type { Principal } from '../http/context';
import { jobs } from '../jobs/jobs';
import type { Member } from '../members/Member.model';
import { ensureTestCouponTemplates } from '../referral/testSupport';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { useWechatSandbox } from '../test/wechatSandbox';
import { assistHelp } from './assistHelp';
import type { AssistFaultPoint, AssistFaults } from './countAssist';
import { HelpAssistModel } from './HelpAssist.model';
import { HelpCampaignModel, type HelpCampaign } from './HelpCampaign.model';

useTestDatabase();
const sandbox = useWechatSandbox();
const START = new Date('2026-05-15T04:00:00.000Z'); // 12:00 on 15 May in Shanghai, 5 days before 20 May
const clock = { now: START };
let app: TestApp;

beforeAll(async () => {
  const config = sandbox.config({ HELP_ASSIST_LIMIT_PER_IP_PER_MINUTE: '100000', HELP_ASSIST_LIMIT_PER_MEMBER_PER_MINUTE: '1000' });
  app = buildTestApp({ config, now: () => clock.now });
  await ensureTestCouponTemplates();
});

beforeEach(() => {
  clock.now = START;
});

class Crash extends Error {}

const POINTS: readonly AssistFaultPoint[] = ['recorded', 'slot_taken', 'counted', 'unlocking', 'marked_counted'];
/** A friend who does not reach the goal never starts an unlock. */
const POINTS_BEFORE_GOAL = POINTS.filter((point) => point !== 'unlocking');
const crashingAt = (point: AssistFaultPoint): AssistFaults => ({
  after: (reached) => {
    if (reached === point) throw new Crash(`crash after ${reached}`);
  },
});

/** A basic member (goal 5) whose campaign has started; returns its share id. */
async function startedCampaign(): Promise<{ owner: Member; shareId: string }> {
  const owner = await buildMember({ birthday: { month: 5, day: 20, year: 1990 }, nickname: '寿星' });
  await ConsentModel.create({ memberId: owner._id, purpose: 'birthday', action: 'grant', version: consentTexts.birthday.version, at: new Date('2026-01-01T00:00:00.000Z'), ip: null });
  const started = await app.http.post('/api/help.start').set('Authorization', await sessionFor(owner, { now: clock.now })).send({});
  expect(started.status).toBe(200);
  return { owner, shareId: started.body.share.shareId };
}

async function friend(): Promise<Principal> {
  const member = await buildMember({ nickname: '好友' });
  await sandbox.control().upsertUser({ openid: member.openid });
  await sandbox.control().visit({ openid: member.openid });
  return { memberId: member._id.toHexString(), openid: member.openid, roles: ['member'] };
}

const assist = (shareId: string, who: Principal, faults?: AssistFaults) => assistHelp({ shareId, clientIp: '127.0.0.1' }, who, app.deps, faults);

/** help.finishUnlocks, as the scheduler runs it, once the crashed request is more than a minute old. */
async function repair(): Promise<void> {
  clock.now = new Date(clock.now.getTime() + 2 * 60_000);
  const job = jobs.find((candidate) => candidate.name === 'help.finishUnlocks');
  if (!job) throw new Error('no help.finishUnlocks job');
  await job.run(app.deps);
}

const campaignOf = async (owner: Member): Promise<HelpCampaign> => (await HelpCampaignModel.findOne({ memberId: owner._id }).lean())!;
const helpCoupons = (owner: Member) => CouponModel.countDocuments({ memberId: owner._id, source: 'help' });
const slotsOf = async (who: Principal) =>
  (await DailyCounterModel.findById(dailyCounterId({ purpose: 'help-assist', subject: who.memberId, day: START })).lean())?.count ?? 0;

/** Each friend counted exactly once, with one daily slot each; nothing left recorded. */
async function expectCountedOnce(owner: Member, friends: Principal[]): Promise<HelpCampaign> {
  const campaign = await campaignOf(owner);
  expect(campaign.helpersCount).toBe(friends.length);
  expect(campaign.helpers.map((helper) => helper.memberId.toHexString()).sort()).toEqual(friends.map((who) => who.memberId).sort());
  expect(campaign.countedAssists).toHaveLength(friends.length);
  expect(await HelpAssistModel.countDocuments({ campaignId: campaign._id, state: 'counted' })).toBe(friends.length);
  expect(await HelpAssistModel.countDocuments({ state: 'recorded' })).toBe(0);
  for (const who of friends) expect(await slotsOf(who)).toBe(1);
  return campaign;
}

describe('a crash at each step of an assist: the repair job counts every friend exactly once', () => {
  it.each(POINTS)('the goal-reaching friend crashes after %s: one unlock and one coupon after the repair', async (point) => {
    const { owner, shareId } = await startedCampaign();
    const friends = await Promise.all(Array.from({ length: 5 }, () => friend()));
    for (const who of friends.slice(0, 4)) expect((await assist(shareId, who)).counted).toBe(true);
    await expect(assist(shareId, friends[4]!, crashingAt(point))).rejects.toBeInstanceOf(Crash);

    await repair();
    const campaign = await expectCountedOnce(owner, friends);
    expect(campaign.state).toBe('unlocked');
    expect(await helpCoupons(owner)).toBe(1);
    await repair();
    expect((await campaignOf(owner)).helpersCount).toBe(5);
    expect(await helpCoupons(owner)).toBe(1);
  });

  it.each(POINTS_BEFORE_GOAL)('a first friend crashes after %s: counted once after the repair, no unlock', async (point) => {
    const { owner, shareId } = await startedCampaign();
    const who = await friend();
    await expect(assist(shareId, who, crashingAt(point))).rejects.toBeInstanceOf(Crash);

    await repair();
    expect((await expectCountedOnce(owner, [who])).state).toBe('active');
    expect(await helpCoupons(owner)).toBe(0);
  });

  it.each(POINTS_BEFORE_GOAL)('the friend taps again after a crash after %s: counted once, one daily slot', async (point) => {
    const { owner, shareId } = await startedCampaign();
    const who = await friend();
    await expect(assist(shareId, who, crashingAt(point))).rejects.toBeInstanceOf(Crash);

    const again = await assist(shareId, who);
    expect(again.viewer.hasHelped).toBe(true);
    expect(again.campaign.helpersCount).toBe(1);
    await repair();
    await expectCountedOnce(owner, [who]);
  });

  it('a recorded assist the campaign can no longer take is refused by the repair and its slot given back', async () => {
    const { owner, shareId } = await startedCampaign();
    const late = await friend();
    await expect(assist(shareId, late, crashingAt('slot_taken'))).rejects.toBeInstanceOf(Crash);
    const friends = await Promise.all(Array.from({ length: 5 }, () => friend()));
    for (const who of friends) expect((await assist(shareId, who)).counted).toBe(true);

    await repair();
    await expectCountedOnce(owner, friends);
    expect(await HelpAssistModel.exists({ helperId: late.memberId })).toBeNull();
    expect(await slotsOf(late)).toBe(0);
  });

  it('200 friends at once on a goal of 5, a third of them crashing at some step: after the repair exactly five counted, one unlock, one coupon', async () => {
    const { owner, shareId } = await startedCampaign();
    const friends = await Promise.all(Array.from({ length: 200 }, () => friend()));
    const outcomes = await Promise.allSettled(friends.map((who, index) => assist(shareId, who, index % 3 === 0 ? crashingAt(POINTS[(index / 3) % POINTS.length]!) : undefined)));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled' && outcome.value.unlockedNow).length).toBeLessThanOrEqual(1);

    await repair();
    const campaign = await campaignOf(owner);
    expect(campaign).toMatchObject({ state: 'unlocked', helpersCount: 5 });
    const counted = await HelpAssistModel.find({ campaignId: campaign._id }).lean();
    expect(counted.map((entry) => entry.state)).toEqual(['counted', 'counted', 'counted', 'counted', 'counted']);
    const countedIds = counted.map((entry) => entry.helperId.toHexString()).sort();
    expect(campaign.helpers.map((helper) => helper.memberId.toHexString()).sort()).toEqual(countedIds);
    expect(await helpCoupons(owner)).toBe(1);
    for (const who of friends) expect(await slotsOf(who)).toBe(countedIds.includes(who.memberId) ? 1 : 0);
  });
});

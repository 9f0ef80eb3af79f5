import { consentTexts } from '@cakeday/shared';
import { ConsentModel } from '../consents/Consent.model';
import { CouponModel } from '../coupons/Coupon.model';
import { assistHelp } from '../help/assistHelp';
import type { AssistFaultPoint } from '../help/countAssist';
import { HelpCampaignModel } from '../help/HelpCampaign.model';
import type { Principal } from '../http/context';
import type { Member } from '../members/Member.model';
import { ensureTestCouponTemplates } from '../referral/testSupport';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { useWechatSandbox } from '../test/wechatSandbox';
import { jobs } from './jobs';
import { runJobOnce } from './scheduler';

useTestDatabase();
const sandbox = useWechatSandbox();
const shanghai = (iso: string): Date => new Date(`${iso}+08:00`);
// Each job's clock only moves forward in this file: its lease remembers the last run.
const clock = { now: shanghai('2026-05-15T12:00:00') };
let app: TestApp;

beforeAll(async () => {
  const config = sandbox.config({ HELP_ASSIST_LIMIT_PER_IP_PER_MINUTE: '100000', HELP_ASSIST_LIMIT_PER_MEMBER_PER_MINUTE: '1000' });
  app = buildTestApp({ config, now: () => clock.now });
  await ensureTestCouponTemplates();
});

async function runJobAt(name: string, iso: string): Promise<void> {
  clock.now = shanghai(iso);
  const job = jobs.find((candidate) => candidate.name === name);
  if (!job) throw new Error(`no job ${name}`);
  expect(await runJobOnce(job, app.deps)).toBe(true);
}

/** A basic member born on 20 May (goal 5) whose campaign started now; it ends at 00:00 on 28 May. */
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

/** Five friends help; the fifth's request dies right after `point`. */
async function fifthCrashesAfter(shareId: string, point: AssistFaultPoint): Promise<void> {
  const friends = await Promise.all(Array.from({ length: 5 }, () => friend()));
  for (const who of friends.slice(0, 4)) await assistHelp({ shareId, clientIp: '127.0.0.1' }, who, app.deps);
  const crash = { after: (reached: AssistFaultPoint) => { if (reached === point) throw new Error(`crash after ${reached}`); } };
  await expect(assistHelp({ shareId, clientIp: '127.0.0.1' }, friends[4]!, app.deps, crash)).rejects.toThrow('crash');
}

const stateOf = async (owner: Member) => (await HelpCampaignModel.findOne({ memberId: owner._id }).lean())?.state;
const helpCoupons = (owner: Member) => CouponModel.countDocuments({ memberId: owner._id, source: 'help' });

describe('help jobs (time driven through deps.now)', () => {
  it('help.finishUnlocks counts an assist a crash left recorded once it is a minute old, and unlocks; it finishes an interrupted unlock', async () => {
    const counted = await startedCampaign();
    await fifthCrashesAfter(counted.shareId, 'slot_taken');
    const unlocking = await startedCampaign();
    await fifthCrashesAfter(unlocking.shareId, 'marked_counted');
    expect([await stateOf(counted.owner), await stateOf(unlocking.owner)]).toEqual(['active', 'unlocking']);

    // Half a minute later the crashed request might still be in flight: its assist is left to it.
    await runJobAt('help.finishUnlocks', '2026-05-15T12:00:30');
    expect([await stateOf(counted.owner), await stateOf(unlocking.owner)]).toEqual(['active', 'unlocked']);
    expect(await helpCoupons(unlocking.owner)).toBe(1);

    await runJobAt('help.finishUnlocks', '2026-05-15T12:03:00');
    expect(await HelpCampaignModel.findOne({ memberId: counted.owner._id }).lean()).toMatchObject({ state: 'unlocked', helpersCount: 5 });
    expect(await helpCoupons(counted.owner)).toBe(1);
    const view = await app.http.post('/api/help.get').send({ shareId: counted.shareId });
    expect(view.body.campaign).toMatchObject({ state: 'unlocked', helpersCount: 5, remaining: 0 });
  });

  it('help.expire ends active campaigns at their end, not before, and leaves unlocked ones alone', async () => {
    clock.now = shanghai('2026-05-15T13:00:00');
    const ending = await startedCampaign();
    const unlocked = await startedCampaign();
    const friends = await Promise.all(Array.from({ length: 5 }, () => friend()));
    for (const who of friends) await assistHelp({ shareId: unlocked.shareId, clientIp: '127.0.0.1' }, who, app.deps);
    expect(await stateOf(unlocked.owner)).toBe('unlocked');

    await runJobAt('help.expire', '2026-05-27T23:45:00');
    expect(await stateOf(ending.owner)).toBe('active');
    await runJobAt('help.expire', '2026-05-28T00:00:00');
    expect([await stateOf(ending.owner), await stateOf(unlocked.owner)]).toEqual(['expired', 'unlocked']);
    const late = await app.http.post('/api/help.assist').set('Authorization', await sessionFor((await buildMember()), { now: clock.now })).send({ shareId: ending.shareId });
    expect([late.status, late.body.error.code]).toEqual([409, 'HELP_ENDED']);
  });
});

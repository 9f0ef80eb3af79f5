import { Types } from 'mongoose';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { inboxEntries } from '../test/pushHandlers';
import { buildMember, sessionFor } from '../test/factories';
import { useWechatSandbox } from '../test/wechatSandbox';
import type { Member } from '../members/Member.model';
import { sendWithQuota, type SubscriptionSend } from './sendSubscription';
import { quotaId, SubscriptionQuotaModel } from './SubscriptionQuota.model';
import { SubscriptionReportModel } from './SubscriptionReport.model';

useTestDatabase();
const sandbox = useWechatSandbox({ push: { mode: 'safe' } });

let app: TestApp;
beforeAll(() => {
  app = buildTestApp({ config: sandbox.config() });
});
beforeEach(async () => {
  await sandbox.control().reset();
  sandbox.serve(app.server);
});

const REMINDER = 'sandbox-tmpl-birthday-reminder';
let sendSeq = 0;

/** A member who is also the sandbox's user `name` (same openid). */
async function memberOf(name: string): Promise<Member> {
  const { openid } = await sandbox.control().visit({ user: name });
  return buildMember({ openid });
}

/** The member accepts 生日提醒 `times` times in the sandbox; returns once WeChat's pushes were handled. */
async function accept(member: Member, times: number): Promise<void> {
  const { pushIds } = await sandbox.control().subscribe({ openid: member.openid }, 'birthdayReminder', 'accept', times);
  for (const pushId of pushIds) expect(await sandbox.control().pushSettled(pushId)).toMatchObject({ delivered: true });
}

const reminder = (member: Member): SubscriptionSend => ({
  memberId: member._id,
  openid: member.openid,
  template: 'birthdayReminder',
  page: 'pages/birthday/index',
  data: { thing1: '生日礼已解锁', date2: '2026年05月20日', thing3: '进店出示会员码领取' },
  sendKey: `test-send-${(sendSeq += 1)}`,
});

const quotaOf = (member: Member) => SubscriptionQuotaModel.findById(quotaId(member._id, REMINDER)).lean();
const sendCalls = async (): Promise<number> => (await sandbox.control().calls())['subscribe.send'] ?? 0;

describe('the subscription quota ledger, fed by WeChat’s pushes', () => {
  it('two accepts: two sends go out; the third is not attempted', async () => {
    const member = await memberOf('quota-two');
    await accept(member, 2);
    expect(await quotaOf(member)).toMatchObject({ remaining: 2, status: 'active', acceptedTotal: 2 });
    const outcomes = [];
    for (let index = 0; index < 3; index += 1) outcomes.push(await sendWithQuota(app.deps, reminder(member), app.deps.now()));
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['sent', 'sent', 'no_quota']);
    expect(outcomes[2]).toEqual({ kind: 'no_quota', errcode: null });
    expect(await sendCalls()).toBe(2);
    expect(await sandbox.control().outbox(member.openid)).toHaveLength(2);
    expect(await quotaOf(member)).toMatchObject({ remaining: 0, sentTotal: 2, reservations: [], drift: false });
  });

  it('an accept pushed again (WeChat re-sends) or handled again (the retry job after a crash) counts once', async () => {
    const member = await memberOf('quota-dup');
    await accept(member, 1);
    const again = await sandbox.control().duplicatePush('last', 3);
    expect(again.map((delivery) => delivery.status)).toEqual([200, 200, 200]);
    const [entry] = await inboxEntries({ type: 'subscribe_msg_popup_event', openid: member.openid });
    if (!entry) throw new Error('the accept was not recorded');
    const context = { deps: app.deps, now: app.deps.now(), log: app.deps.logger };
    for (const handler of app.deps.pushHandlers.for('subscribe_msg_popup_event')) await handler.handle(entry.event, context);
    expect(await quotaOf(member)).toMatchObject({ remaining: 1, acceptedTotal: 1 });
  });

  it('turning the template off stops sends at once; a later accept starts them again', async () => {
    const member = await memberOf('quota-reject');
    await accept(member, 2);
    const change = await sandbox.control().changeSubscription({ openid: member.openid }, 'birthdayReminder');
    await sandbox.control().pushSettled(change.pushId);
    expect(await quotaOf(member)).toMatchObject({ remaining: 0, status: 'rejected' });
    expect(await sendWithQuota(app.deps, reminder(member), app.deps.now())).toEqual({ kind: 'no_quota', errcode: null });
    expect(await sendCalls()).toBe(0);
    await accept(member, 1);
    expect(await quotaOf(member)).toMatchObject({ remaining: 1, status: 'active' });
    expect((await sendWithQuota(app.deps, reminder(member), app.deps.now())).kind).toBe('sent');
  });

  it('43101 from WeChat zeroes the ledger and flags the drift', async () => {
    const member = await memberOf('quota-drift');
    await accept(member, 3);
    await sandbox.control().injectFault('subscribe.send', 43101);
    expect(await sendWithQuota(app.deps, reminder(member), app.deps.now())).toEqual({ kind: 'no_quota', errcode: 43101 });
    expect(await quotaOf(member)).toMatchObject({ remaining: 0, drift: true, reservations: [] });
    expect(await sendWithQuota(app.deps, reminder(member), app.deps.now())).toEqual({ kind: 'no_quota', errcode: null });
    expect(await sendCalls()).toBe(1);
  });

  it('a refusal of the message (47003) and a busy WeChat give the held send back; a retry of the same send holds one', async () => {
    const member = await memberOf('quota-refused');
    await accept(member, 1);
    const bad = { ...reminder(member), data: { ...reminder(member).data, thing1: '字'.repeat(21) } };
    expect(await sendWithQuota(app.deps, bad, app.deps.now())).toEqual({ kind: 'refused', errcode: 47003 });
    await sandbox.control().injectFault('subscribe.send', -1);
    const send = reminder(member);
    expect(await sendWithQuota(app.deps, send, app.deps.now())).toEqual({ kind: 'retry', errcode: -1 });
    expect(await quotaOf(member)).toMatchObject({ remaining: 1, reservations: [] });
    expect((await sendWithQuota(app.deps, send, app.deps.now())).kind).toBe('sent');
    expect(await quotaOf(member)).toMatchObject({ remaining: 0, sentTotal: 1 });
  });
});

describe('subscriptions.mine and subscriptions.record', () => {
  it('the client’s report is recorded but credits nothing; the count is WeChat’s', async () => {
    const member = await memberOf('quota-client');
    const auth = await sessionFor(member);
    const recorded = await app.http
      .post('/api/subscriptions.record')
      .set('Authorization', auth)
      .send({ choices: [{ template: 'birthdayReminder', result: 'accept' }, { template: 'orderStatus', result: 'reject' }], moment: 'birthday_set' });
    expect(recorded.status).toBe(200);
    expect(recorded.body.items.find((item: { template: string }) => item.template === 'birthdayReminder')).toMatchObject({ remaining: 0, status: 'none' });
    expect(await SubscriptionReportModel.countDocuments({ memberId: new Types.ObjectId(member._id) })).toBe(2);
    await accept(member, 1);
    const mine = await app.http.post('/api/subscriptions.mine').set('Authorization', auth).send({});
    expect(mine.status).toBe(200);
    expect(mine.body.items.find((item: { template: string }) => item.template === 'birthdayReminder')).toMatchObject({
      templateId: REMINDER,
      title: '生日提醒',
      remaining: 1,
      status: 'active',
      marketing: true,
    });
    expect(mine.body.marketingConsent).toBe(false);
  });

  it('401 without a session; 400 for more than 3 templates', async () => {
    expect((await app.http.post('/api/subscriptions.mine').send({})).status).toBe(401);
    const member = await buildMember();
    const tooMany = await app.http
      .post('/api/subscriptions.record')
      .set('Authorization', await sessionFor(member))
      .send({ choices: ['birthdayReminder', 'orderStatus', 'helpSucceeded', 'benefitExpiring'].map((template) => ({ template, result: 'accept' })), moment: 'settings' });
    expect(tooMany.status).toBe(400);
  });
});

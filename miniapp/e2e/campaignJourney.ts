import { DEMO_OPERATORS } from '../../scripts/seed/operatorSeeder';
import { SandboxControl, type OutboxMessageView } from '../../scripts/wechat-sandbox/controlClient';
import { BIRTHDAY_IN_DAYS, setBirthdaySoon, shanghaiMonthDay } from './birthdayJourney';
import { type E2eContext } from './context';
import { newPerson } from './people';
import { expectText, JourneyFailure, STEP_TIMEOUT_MS, tapText } from './steps';

/** The BFF's campaign jobs run every minute (materialise, then dispatch): a message may take a few rounds. */
const DELIVERY_WAIT_MS = 4 * 60_000;
const POLL_MS = 2_000;

type Body = Record<string, unknown>;

async function opsPost(apiBase: string, route: string, body: unknown, cookie: string): Promise<{ status: number; body: Body }> {
  const answer = await fetch(`${apiBase}/api/${route}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie }, body: JSON.stringify(body) });
  return { status: answer.status, body: (await answer.json()) as Body };
}

async function opsLogin(apiBase: string): Promise<string> {
  const ops = DEMO_OPERATORS.find((operator) => operator.loginName === 'ops');
  if (!ops) throw new JourneyFailure('no demo 运营 operator in the seed');
  const answer = await fetch(`${apiBase}/api/ops.login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ loginName: ops.loginName, password: ops.password }) });
  const cookie = answer.headers.get('set-cookie')?.split(';')[0];
  if (answer.status !== 200 || !cookie) throw new JourneyFailure(`ops.login answered ${answer.status}`);
  return cookie;
}

/** submit (approved at once: the audience is under the approval threshold), then start. */
async function submitAndStart(apiBase: string, cookie: string, id: string): Promise<void> {
  for (const action of ['submit', 'start']) {
    const moved = await opsPost(apiBase, `ops.campaigns.${action}`, { id }, cookie);
    if (moved.status !== 200) throw new JourneyFailure(`ops.campaigns.${action} answered ${moved.status}: ${JSON.stringify(moved.body)}`);
  }
}

/** Polls the sandbox's outbox (WeChat's side of the sends) until the member has `count` messages. */
async function outboxReaches(sandbox: SandboxControl, openid: string, count: number): Promise<OutboxMessageView[]> {
  const deadline = Date.now() + DELIVERY_WAIT_MS;
  for (;;) {
    const messages = await sandbox.outbox(openid);
    if (messages.length >= count) return messages;
    if (Date.now() > deadline) throw new JourneyFailure(`the outbox has ${messages.length} of ${count} messages for the member`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Issue 15's journey, on the real clock (the stack has no clock control, so the birthday preset can reach only
 * its T-7 step today; the second message is the operator's one-off 推送订阅消息): the member sets a birthday and
 * accepts 生日提醒 twice, consents to marketing messages; the operator starts the birthday T-7/T-0 preset, then a
 * push; the sandbox's outbox holds both messages, 消息中心 lists both, opening one is counted in the report.
 * Not yet in run.ts: steps 1–7 pass (the preset's T-7 reaches the outbox), but the push's message did not reach the
 * outbox within the wait in the last run; to be diagnosed (caps? the push's materialisation?) before wiring it in.
 */
export async function runCampaignJourney(context: E2eContext): Promise<string[]> {
  const done: string[] = [];
  const member = await newPerson(context, 'campaign', done);
  const sandbox = new SandboxControl(context.sandboxUrl);
  const { month } = shanghaiMonthDay(BIRTHDAY_IN_DAYS);

  await setBirthdaySoon(member, '允许');
  await member.step('accepts-birthday-reminder-again', async () => {
    await member.open('/pages/messages/settings/index');
    await tapText(member.page, '接收生日、权益与订单提醒');
    await expectText(member.page, /接收以下消息：.*生日提醒/);
    const recorded = member.page.waitForResponse((response) => response.url().endsWith('/api/subscriptions.record'), { timeout: STEP_TIMEOUT_MS });
    await tapText(member.page, '允许');
    await recorded;
    // The page reloads its counts after recording; let that finish before a reload of our own.
    await member.page.waitForResponse((response) => response.url().endsWith('/api/subscriptions.mine'), { timeout: STEP_TIMEOUT_MS });
    // WeChat's popup event reaches the BFF through the message push: the count follows it.
    for (let attempt = 0; ; attempt += 1) {
      if (attempt > 0) await member.open('/pages/messages/settings/index');
      try {
        await expectText(member.page, '还可接收 2 条');
        break;
      } catch (error) {
        if (attempt >= 5) throw error;
      }
    }
  });
  await member.step('consents-to-marketing-messages', async () => {
    await member.open('/pages/privacy/index');
    await member.page.locator('[aria-label="活动消息通知"]').first().click();
    await expectText(member.page, /已于 .* 同意/);
  });

  const cookie = await opsLogin(context.apiBase);
  const { openid } = await sandbox.loginCode({ user: member.name });
  let birthdayCampaignId = '';
  let pushCampaignId = '';
  await member.step('operator-starts-birthday-preset', async () => {
    const listed = await opsPost(context.apiBase, 'ops.campaigns.list', {}, cookie);
    const preset = (listed.body.items as { id: string; trigger: { kind: string } }[] | undefined)?.find((campaign) => campaign.trigger.kind === 'birthday');
    if (!preset) throw new JourneyFailure(`no birthday preset: ${JSON.stringify(listed.body)}`);
    birthdayCampaignId = preset.id;
    await submitAndStart(context.apiBase, cookie, birthdayCampaignId);
    const [first] = await outboxReaches(sandbox, openid, 1);
    if (!/^pages\/birthday\/index\?delivery=[0-9a-f]{24}$/.test(first?.page ?? '')) throw new JourneyFailure(`unexpected landing page ${first?.page}`);
  });
  await member.step('operator-pushes-to-birthday-month', async () => {
    const created = await opsPost(
      context.apiBase,
      'ops.campaigns.create',
      {
        name: 'e2e 生日月推送',
        trigger: { kind: 'push', sendAt: new Date(Date.now() + 60_000).toISOString() },
        audience: { tiers: [], birthdayMonths: [month] },
        message: { template: 'birthdayReminder', fields: { thing1: '生日月专属礼遇', date2: '{{birthdayDate}}', thing3: '进店出示会员码领取' }, page: 'pages/birthday/index', inboxTitle: '生日月礼遇' },
        holdoutPermille: 0,
        endsAt: new Date(Date.now() + 7 * 24 * 60 * 60_000).toISOString(),
      },
      cookie,
    );
    if (created.status !== 200) throw new JourneyFailure(`ops.campaigns.create answered ${created.status}: ${JSON.stringify(created.body)}`);
    pushCampaignId = String(created.body.id);
    await submitAndStart(context.apiBase, cookie, pushCampaignId);
    await outboxReaches(sandbox, openid, 2);
  });
  await member.step('sees-both-in-message-center-and-opens-one', async () => {
    await member.open('/pages/messages/index');
    await expectText(member.page, '生日礼提醒');
    await expectText(member.page, '生日月礼遇');
    await tapText(member.page, '生日礼提醒');
    await expectText(member.page, '保存生日');
  });
  await member.step('reports-count-sent-and-opened', async () => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const birthday = (await opsPost(context.apiBase, 'ops.campaigns.report', { id: birthdayCampaignId }, cookie)).body as { byState: { sent: number }; opened: number };
      const push = (await opsPost(context.apiBase, 'ops.campaigns.report', { id: pushCampaignId }, cookie)).body as { byState: { sent: number }; opened: number };
      const seen = { sent: birthday.byState.sent + push.byState.sent, opened: birthday.opened + push.opened };
      if (seen.sent === 2 && seen.opened === 1) return;
      if (Date.now() > deadline) throw new JourneyFailure(`the reports show ${JSON.stringify(seen)}, not sent 2 and opened 1`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  });

  await member.leave();
  return done;
}

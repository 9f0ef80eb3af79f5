import type { Page, Request } from 'playwright-core';
import { DEMO_OPERATORS } from '../../scripts/seed/operatorSeeder';
import { SandboxControl, type OutboxMessageView } from '../../scripts/wechat-sandbox/controlClient';
import { setBirthdaySoon, shanghaiMonthDay } from './birthdayJourney';
import { type E2eContext } from './context';
import { newPerson } from './people';
import { expectText, JourneyFailure, STEP_TIMEOUT_MS, tapText } from './steps';

/** The BFF's campaign jobs run every minute (materialise, then dispatch): a message may take a few rounds. */
const DELIVERY_WAIT_MS = 4 * 60_000;
const POLL_MS = 2_000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Where the H5 build keeps the member's session (Taro storage is localStorage; miniapp/src/auth/sessionStore.ts). */
const SESSION_STORAGE_KEY = 'cakeday.session';
/** Far enough ahead that the birthday, set today, unlocks its benefits (birthday.minDaysSetBeforeBenefits: 30). */
const BIRTHDAY_IN_DAYS = 40;

type Body = Record<string, unknown>;

/** A Shanghai calendar day `days` from now, 10:00 there (outside the quiet hours), as an instant. */
function shanghaiTenOClock(days: number): Date {
  const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * DAY_MS));
  return new Date(`${ymd}T10:00:00+08:00`);
}

class OpsApi {
  private cookie = '';
  constructor(
    private readonly apiBase: string,
    private readonly loginName: string,
  ) {}

  /** Logs in again when the session has expired (the clock moved past it). */
  async post(route: string, body: unknown, expected = 200): Promise<Body> {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      if (!this.cookie || attempt > 0) this.cookie = await this.login();
      const answer = await fetch(`${this.apiBase}/api/${route}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: this.cookie }, body: JSON.stringify(body) });
      const answered = (await answer.json()) as Body;
      if (answer.status === 401 && attempt === 0) continue;
      if (answer.status !== expected) throw new JourneyFailure(`${this.loginName}: ${route} answered ${answer.status}: ${JSON.stringify(answered)}`);
      return answered;
    }
    throw new JourneyFailure(`${this.loginName}: ${route} stayed unauthenticated`);
  }

  private async login(): Promise<string> {
    const operator = DEMO_OPERATORS.find((candidate) => candidate.loginName === this.loginName);
    if (!operator) throw new JourneyFailure(`no demo operator ${this.loginName} in the seed`);
    const answer = await fetch(`${this.apiBase}/api/ops.login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ loginName: operator.loginName, password: operator.password }) });
    const cookie = answer.headers.get('set-cookie')?.split(';')[0];
    if (answer.status !== 200 || !cookie) throw new JourneyFailure(`ops.login as ${this.loginName} answered ${answer.status}`);
    return cookie;
  }
}

/** The e2e stack's BFF runs with TEST_CLOCK=true: its clock moves forward, the browser's and the sandbox's do not. */
async function moveClock(apiBase: string, to: Date): Promise<void> {
  const answer = await fetch(`${apiBase}/__test/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ now: to.toISOString() }) });
  if (answer.status !== 200) throw new JourneyFailure(`the test clock answered ${answer.status}: ${await answer.text()}`);
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
 * Issue 15's journey: the member sets a birthday 40 days ahead accepting 生日提醒, accepts it again in 消息设置 and
 * consents to marketing messages; 运营 creates a birthday T-7/T-0 campaign and dry-runs it; the admin (who lowered
 * the approval threshold so that it needs a second operator) approves it and 运营 starts it, through the ops API
 * (this stack serves no console build; the console's own journey runs beside it). The BFF's test clock moves to T-7
 * and then to the birthday: the sandbox's outbox holds the two messages; the member opens the landing page of the
 * second and claims the birthday coupon; the report shows sent 2, opened 1, claimed 1; 消息中心 lists both.
 */
export async function runCampaignJourney(context: E2eContext): Promise<string[]> {
  const done: string[] = [];
  const member = await newPerson(context, 'member', done, 'campaign');
  const sandbox = new SandboxControl(context.sandboxUrl);
  const { month } = shanghaiMonthDay(BIRTHDAY_IN_DAYS);
  const birthday = shanghaiTenOClock(BIRTHDAY_IN_DAYS);
  const ops = new OpsApi(context.apiBase, 'ops');
  const admin = new OpsApi(context.apiBase, 'admin');

  await setBirthdaySoon(member, '允许', BIRTHDAY_IN_DAYS);
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

  const { openid } = await sandbox.loginCode({ user: member.name });
  let campaignId = '';
  await member.step('operators-create-dry-run-approve-and-start', async () => {
    // Any audience then needs a second operator's approval.
    const { current, latestVersion } = (await admin.post('ops.settings.current', {})) as { current: { settings: { marketing: Body } & Body }; latestVersion: number };
    await admin.post('ops.settings.update', {
      basedOnVersion: latestVersion,
      reason: 'e2e：营销活动一律双人审批',
      settings: { ...current.settings, marketing: { ...current.settings.marketing, pushApprovalThreshold: 0 } },
    });
    const created = await ops.post('ops.campaigns.create', {
      name: 'e2e 生日提醒 T-7/T-0',
      trigger: { kind: 'birthday', daysBefore: [7, 0] },
      audience: { tiers: [], birthdayMonths: [month] },
      message: {
        template: 'birthdayReminder',
        fields: { thing1: '你的生日礼已准备好', date2: '{{birthdayDate}}', thing3: '还有{{daysToBirthday}}天，记得来领取哦' },
        page: 'pages/birthday/index',
        inboxTitle: 'e2e生日礼提醒',
      },
      holdoutPermille: 0,
      endsAt: new Date(birthday.getTime() + 30 * DAY_MS).toISOString(),
    });
    campaignId = String(created.id);
    const dryRun = (await ops.post('ops.campaigns.dryRun', { id: campaignId })) as { audienceSize: number };
    if (dryRun.audienceSize < 1) throw new JourneyFailure(`the dry run finds no audience: ${JSON.stringify(dryRun)}`);
    const submitted = (await ops.post('ops.campaigns.submit', { id: campaignId })) as { state: string };
    if (submitted.state !== 'pending_approval') throw new JourneyFailure(`submitted into ${submitted.state}, not pending_approval`);
    await ops.post('ops.campaigns.approve', { id: campaignId }, 403);
    await admin.post('ops.campaigns.approve', { id: campaignId });
    await ops.post('ops.campaigns.start', { id: campaignId });
  });
  await member.step('clock-moves-to-t7-and-the-first-message-is-sent', async () => {
    await moveClock(context.apiBase, new Date(birthday.getTime() - 7 * DAY_MS));
    const [first] = await outboxReaches(sandbox, openid, 1);
    if (!/^pages\/birthday\/index\?delivery=[0-9a-f]{24}$/.test(first?.page ?? '')) throw new JourneyFailure(`unexpected landing page ${first?.page}`);
  });
  let landing = '';
  await member.step('clock-moves-to-the-birthday-and-the-second-is-sent', async () => {
    await moveClock(context.apiBase, birthday);
    const messages = await outboxReaches(sandbox, openid, 2);
    landing = messages[1]?.page ?? '';
    if (!/\?delivery=[0-9a-f]{24}$/.test(landing) || landing === messages[0]?.page) throw new JourneyFailure(`unexpected second landing page ${landing}`);
  });
  await member.step('opens-the-message-and-claims-the-benefit', async () => {
    // Weeks passed on the BFF's clock: the stored session has expired. The app would log in again after a 401; the
    // journey drops it instead, so that no refused request is logged as an error of the page.
    await member.page.evaluate((key) => window.localStorage.removeItem(key), SESSION_STORAGE_KEY);
    // The report that counted (a 401 answered before the app logged in again is not it): leaving the page before it
    // is answered would abort it.
    const opened = member.page.waitForResponse((response) => response.url().endsWith('/api/messages.opened') && response.ok(), { timeout: STEP_TIMEOUT_MS });
    // The page may report twice (a report refused before the login is made again when H5 remounts the page): every
    // report is let finish before the journey leaves.
    const reports = settledRequests(member.page, '/api/messages.opened');
    await member.open(`/${landing}`);
    await opened;
    await reports.allSettled();
    await member.open('/pages/home/index');
    await tapText(member.page, '领取');
    await expectText(member.page, '已领取');
  });
  await member.step('report-shows-sent-opened-claimed', async () => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const report = (await ops.post('ops.campaigns.report', { id: campaignId })) as { byState: { sent: number }; opened: number; followUps: { claimedBenefit: number } };
      const seen = { sent: report.byState.sent, opened: report.opened, claimed: report.followUps.claimedBenefit };
      if (seen.sent === 2 && seen.opened === 1 && seen.claimed === 1) return;
      if (Date.now() > deadline) throw new JourneyFailure(`the report shows ${JSON.stringify(seen)}, not sent 2, opened 1, claimed 1`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  });
  await member.step('message-center-shows-both', async () => {
    await member.open('/pages/messages/index');
    await expectText(member.page, 'e2e生日礼提醒');
    const count = await member.page.getByText('e2e生日礼提醒').count();
    if (count !== 2) throw new JourneyFailure(`消息中心 lists ${count} of the campaign's messages, not 2`);
  });

  await member.leave();
  return done;
}

/** Counts the page's requests to a path from now on; allSettled() resolves once none of them is in flight. */
function settledRequests(page: Page, pathEnd: string): { allSettled(): Promise<void> } {
  let inFlight = 0;
  let wake: (() => void) | null = null;
  const matches = (request: Request): boolean => request.url().endsWith(pathEnd);
  const settle = (request: Request): void => {
    if (!matches(request)) return;
    inFlight -= 1;
    if (inFlight === 0) wake?.();
  };
  page.on('request', (request) => {
    if (matches(request)) inFlight += 1;
  });
  page.on('requestfinished', settle);
  page.on('requestfailed', settle);
  return {
    allSettled: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => (wake = resolve))),
  };
}

import { randomBytes } from 'node:crypto';
import { DEMO_MEMBER_PHONE } from '../../scripts/seed/demoMemberSeeder';
import { DEMO_OPERATORS } from '../../scripts/seed/operatorSeeder';
import { openWatchedPage } from './browser';
import { type E2eContext } from './context';
import { expectText, JourneyFailure, stepsFor } from './steps';

const POINTS = 50;
const MEMBER_NOTE = '客服补偿';

/** POST /api/<route> as the console would, with the operator's session cookie; the answer's body. */
async function opsPost(apiBase: string, route: string, body: unknown, cookie?: string): Promise<{ status: number; body: Record<string, unknown>; cookie: string | null }> {
  const answer = await fetch(`${apiBase}/api/${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });
  const setCookie = answer.headers.get('set-cookie');
  return { status: answer.status, body: (await answer.json()) as Record<string, unknown>, cookie: setCookie ? setCookie.split(';')[0] ?? null : null };
}

/**
 * The member's side of an ops adjustment (the console's e2e drives the adjustment in the console; building the H5
 * app there too would double that suite's time): the demo 运营 operator finds the demo member by phone and adjusts
 * points with a note through the ops API, and the member reads it in 积分明细.
 */
export async function runOpsAdjustmentJourney(context: E2eContext): Promise<string[]> {
  const member = await openWatchedPage(context.browser);
  const done: string[] = [];
  const step = stepsFor(member, 'ops-adjustment', context.screenshots, done);

  await step('member-sees-adjustment-in-points-history', async () => {
    const ops = DEMO_OPERATORS.find((operator) => operator.loginName === 'ops');
    if (!ops) throw new JourneyFailure('no demo 运营 operator in the seed');
    const login = await opsPost(context.apiBase, 'ops.login', { loginName: ops.loginName, password: ops.password });
    if (login.status !== 200 || !login.cookie) throw new JourneyFailure(`ops.login answered ${login.status}`);
    const found = await opsPost(context.apiBase, 'ops.members.search', { phone: DEMO_MEMBER_PHONE }, login.cookie);
    const memberId = (found.body.items as { id: string }[] | undefined)?.[0]?.id;
    if (!memberId) throw new JourneyFailure(`the demo member is not found by phone: ${JSON.stringify(found.body)}`);
    const adjusted = await opsPost(
      context.apiBase,
      'ops.points.adjust',
      { memberId, points: POINTS, reason: 'e2e：客服补偿', memberNote: MEMBER_NOTE, idempotencyKey: randomBytes(16).toString('hex') },
      login.cookie,
    );
    if (adjusted.body.state !== 'applied') throw new JourneyFailure(`the adjustment was not applied: ${JSON.stringify(adjusted.body)}`);

    await member.page.goto(`${context.appUrl}/?as=demo#/pages/points/index`);
    await expectText(member.page, '当前积分');
    const line = member.page.locator('.points__entry').filter({ hasText: `积分调整：${MEMBER_NOTE}` });
    await line.getByText(`+${POINTS}`, { exact: true }).waitFor();
  });

  await member.page.context().close();
  return done;
}

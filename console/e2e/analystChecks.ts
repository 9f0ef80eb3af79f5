import { expectText, JourneyFailure } from '../../miniapp/e2e/steps';
import type { ConsoleOperator } from './consoleOperator';
import { DEMO_PHONE } from './demoData';
import { findMemberByPhone } from './memberWork';

/** An analyst finds the member masked, with no reveal and no adjustment; the API refuses both (403) all the same. */
export async function analystSeesMemberMasked(analyst: ConsoleOperator, consoleUrl: string): Promise<void> {
  const { page } = analyst;
  if ((await page.getByRole('menuitem', { name: '商城商品' }).count()) > 0) throw new JourneyFailure('分析师 sees 商城商品');
  const memberId = await findMemberByPhone(analyst);
  await expectText(page, '积分明细');
  for (const action of ['查看完整信息', '积分调整']) {
    if ((await page.getByRole('button', { name: action }).count()) > 0) throw new JourneyFailure(`分析师 sees ${action}`);
  }
  if ((await page.getByText(DEMO_PHONE).count()) > 0) throw new JourneyFailure('分析师 sees the full phone');

  const api = (route: string, body: unknown) => page.request.post(new URL(`/api/${route}`, consoleUrl).toString(), { data: body, failOnStatusCode: false });
  const reveal = await api('ops.members.reveal', { memberId, reason: '分析师试图查看' });
  const adjust = await api('ops.points.adjust', { memberId, points: 10, reason: '分析师试图调整', idempotencyKey: 'analyst-e2e-probe-0001' });
  const refused = [reveal, adjust].map((answer) => answer.status());
  if (refused.some((status) => status !== 403)) throw new JourneyFailure(`the API let an analyst reveal or adjust: ${refused.join(', ')}`);
}

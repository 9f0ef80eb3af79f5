import type { OpsInsightsSatisfactionResponse, SatisfactionComment } from '@cakeday/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { installFakeBff, ok, sessionOf, type FakeBff } from '../../../test/fakeBff';
import { button, findDialog, waitForNoDialog } from '../../../test/queries';
import { renderConsole } from '../../../test/renderConsole';

const sentiment = (positive: number, neutral: number, negative: number, extremely_negative: number) => ({ positive, neutral, negative, extremely_negative });
const satisfaction: OpsInsightsSatisfactionResponse = {
  nps: { responses: 4, promoters: 2, passives: 1, detractors: 1, nps: 25, target: 45 },
  csat: { responses: 2, averageStars: 3.5, satisfiedPermille: 500 },
  stars: [0, 1, 0, 0, 1],
  sentiment: { counts: sentiment(3, 0, 2, 0), shares: sentiment(600, 0, 400, 0), targets: sentiment(700, 200, 80, 20) },
  complaintWords: [
    { word: '奶油', count: 2 },
    { word: '太甜', count: 1 },
  ],
  days: [
    { day: '2026-06-01', npsResponses: 1, promoters: 1, passives: 0, detractors: 0, nps: 100, ratings: 0, averageStars: null, stars: [0, 0, 0, 0, 0], sentiment: sentiment(1, 0, 0, 0) },
    { day: '2026-06-02', npsResponses: 3, promoters: 1, passives: 1, detractors: 1, nps: 0, ratings: 2, averageStars: 3.5, stars: [0, 1, 0, 0, 1], sentiment: sentiment(2, 0, 2, 0) },
  ],
};
const comment = (overrides: Partial<SatisfactionComment>): SatisfactionComment => ({
  kind: 'rating',
  id: '66a000000000000000000001',
  member: '66a0****0009',
  subjectType: 'order',
  score: 2,
  comment: '奶油不新鲜，蛋糕太甜了',
  sentiment: 'negative',
  createdAt: '2026-06-02T10:00:00+08:00',
  ...overrides,
});
const comments = [comment({}), comment({ kind: 'nps', id: '66a000000000000000000002', subjectType: null, score: 9, comment: '店员很热情', sentiment: 'positive' })];

/** The card with this title. */
function card(title: string): HTMLElement {
  const heading = [...document.querySelectorAll<HTMLElement>('.ant-card-head-title')].find((element) => element.textContent === title);
  const found = heading?.closest<HTMLElement>('.ant-card');
  if (!found) throw new Error(`no card "${title}"`);
  return found;
}
const rowsOf = (element: HTMLElement) => [...element.querySelectorAll('tbody tr.ant-table-row')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));

describe('经营洞察 · 满意度', () => {
  let bff: FakeBff;

  beforeEach(() => {
    bff = installFakeBff();
    bff.on('ops.insights.liability', () => ok({ day: '2026-06-02', computedAt: '2026-06-02T02:00:00+08:00', outstandingPoints: 0, members: 0, redemption: { permille: 0, basis: 'assumed', issued: 0, redeemed: 0 }, fenPerThousandPoints: 0, impliedFen: 0, months: [], history: [] }));
    bff.on('ops.insights.satisfaction', () => ok(satisfaction));
    bff.on('ops.satisfaction.comments', () => ok({ items: comments }));
  });

  it('shows an analyst NPS, stars by day, the four sentiment classes against their targets, complaint words and the latest comments, each table exportable, nothing to hide', async () => {
    bff.on('ops.me', () => ok(sessionOf(['analyst'])));
    renderConsole('/insights', { signedIn: true });
    fireEvent.click(await screen.findByText('满意度'));

    expect(await screen.findByText('NPS（目标 ≥ 45）')).toBeTruthy();
    expect(bff.callsTo('ops.insights.satisfaction')[0]).toMatchObject({ from: expect.any(String), to: expect.any(String) });
    expect(screen.getByText('2 / 1 / 1')).toBeTruthy();
    expect(screen.getByText(/1 星 0，2 星 1，3 星 0，4 星 0，5 星 1/)).toBeTruthy();
    // Newest day first, with NPS's classes and the stars.
    expect(rowsOf(card('按日：NPS 与评价星级'))[0]).toEqual(['2026-06-02', '3', '1', '1', '1', '0', '2', '3.5', '0', '1', '0', '0', '1']);
    expect(document.querySelector('svg[aria-label="每日平均星级"]')).toBeTruthy();
    expect(rowsOf(card('评语情感（目标占比）'))).toEqual([
      ['正面', '3', '60.0%', '70.0%'],
      ['中性', '0', '0.0%', '20.0%'],
      ['负面', '2', '40.0%', '8.0%'],
      ['极端负面', '0', '0.0%', '2.0%'],
    ]);
    expect(rowsOf(card('最常见的抱怨词'))).toEqual([
      ['奶油', '2'],
      ['太甜', '1'],
    ]);
    // Every aggregate has its CSV.
    for (const title of ['按日：NPS 与评价星级', '评语情感（目标占比）', '最常见的抱怨词']) expect(within(card(title)).getByText('导出 CSV')).toBeTruthy();

    await waitFor(() => expect(rowsOf(card('最新评语'))).toHaveLength(2));
    const [rating, nps] = rowsOf(card('最新评语'));
    expect(rating).toEqual(['2026-06-02 10:00:00', '订单评价', '66a0****0009', '2 星', '负面', '奶油不新鲜，蛋糕太甜了', '']);
    expect(nps?.slice(1, 6)).toEqual(['NPS 问卷', '66a0****0009', '推荐 9 分', '正面', '店员很热情']);
    expect(within(card('最新评语')).queryByText(/^隐\s*藏$/)).toBeNull();
  });

  it('lets a moderator hide a comment from the moderation page with a reason; the list is read again', async () => {
    bff.on('ops.me', () => ok(sessionOf(['moderator'])));
    let hidden = false;
    bff.on('ops.satisfaction.moderationComments', () => ok({ items: hidden ? comments.slice(1) : comments }));
    bff.on('ops.satisfaction.hideComment', () => {
      hidden = true;
      return ok({ comment: { ...comments[0], commentState: 'hidden' } });
    });
    renderConsole('/moderation/comments', { signedIn: true });

    await screen.findByText('奶油不新鲜，蛋糕太甜了');
    const row = screen.getByText('奶油不新鲜，蛋糕太甜了').closest<HTMLElement>('tr');
    fireEvent.click(within(row as HTMLElement).getByText(/^隐\s*藏$/));
    const dialog = await findDialog('隐藏评语');
    fireEvent.click(button(/^隐\s*藏$/, dialog));
    expect(await within(dialog).findByText('请填写 2–200 字的原因')).toBeTruthy();
    expect(bff.callsTo('ops.satisfaction.hideComment')).toEqual([]);
    fireEvent.change(within(dialog).getByPlaceholderText('将记入操作日志'), { target: { value: '  人身攻击  ' } });
    fireEvent.click(button(/^隐\s*藏$/, dialog));
    await waitForNoDialog();
    expect(bff.callsTo('ops.satisfaction.hideComment')).toEqual([{ kind: 'rating', id: '66a000000000000000000001', reason: '人身攻击' }]);
    await waitFor(() => expect(screen.queryByText('奶油不新鲜，蛋糕太甜了')).toBeNull());
    expect(bff.callsTo('ops.satisfaction.moderationComments').length).toBeGreaterThanOrEqual(2);
  });
});

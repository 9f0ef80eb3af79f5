import type { OperatorRole } from '@cakeday/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { installFakeBff, ok, sessionOf, type FakeBff } from '../../../test/fakeBff';
import { adjustment, LIMITS, MEMBER_ID, memberDetail } from '../../../test/fixtures';
import { button, findDialog, waitForNoDialog } from '../../../test/queries';
import { renderConsole } from '../../../test/renderConsole';

const FULL_PHONE = '13800138000';

function answerMemberPage(bff: FakeBff, role: OperatorRole): void {
  bff.on('ops.me', () => ok(sessionOf([role])));
  bff.on('ops.members.get', () => ok(memberDetail()));
  bff.on('ops.points.ledger', () => ok({ items: [], total: 0, page: 1, pageSize: 10 }));
  bff.on('ops.points.adjustments.list', () => ok({ items: [], total: 0, page: 1, pageSize: 5, limits: LIMITS }));
}

describe("a member's page", () => {
  let bff: FakeBff;

  beforeEach(() => {
    bff = installFakeBff();
  });

  it('reveals the full data only with a reason, once: nothing of it stays on the page or in the query cache after closing', async () => {
    answerMemberPage(bff, 'ops');
    bff.on('ops.members.reveal', () => ok({ memberId: MEMBER_ID, phone: FULL_PHONE, nickname: '麦麦', birthday: { month: 9, day: 15, year: 1990 }, auditSeq: 42 }));
    const { queryClient } = renderConsole(`/members/${MEMBER_ID}`, { signedIn: true });

    expect(await screen.findByText('138****8000')).toBeTruthy();
    fireEvent.click(button('查看完整信息'));
    const dialog = await findDialog('查看完整信息');
    fireEvent.click(button(/^查\s*看$/, dialog));
    expect(await within(dialog).findByText('请填写 2–200 字的原因')).toBeTruthy();
    expect(bff.callsTo('ops.members.reveal')).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText('查看原因'), { target: { value: '会员来电核对身份' } });
    fireEvent.click(button(/^查\s*看$/, dialog));

    expect(await within(dialog).findByText(FULL_PHONE)).toBeTruthy();
    expect(within(dialog).getByText('1990年9月15日')).toBeTruthy();
    expect(bff.callsTo('ops.members.reveal')).toEqual([{ memberId: MEMBER_ID, reason: '会员来电核对身份', fields: ['phone', 'birthday', 'nickname'] }]);

    fireEvent.click(button(/^关\s*闭$/, dialog));
    await waitForNoDialog();
    expect(screen.queryByText(FULL_PHONE)).toBeNull();
    const cached = JSON.stringify([
      queryClient.getQueryCache().getAll().map((query) => query.state.data),
      queryClient.getMutationCache().getAll().map((mutation) => mutation.state.data),
    ]);
    expect(cached).toContain('138****8000');
    expect(cached).not.toContain(FULL_PHONE);
  });

  it('shows 待审批 when an adjustment above the threshold waits for a second operator, and sends the note and an idempotency key', async () => {
    answerMemberPage(bff, 'ops');
    bff.on('ops.points.adjust', (input) => ok(adjustment({ points: Number(input.points), reason: String(input.reason) })));
    renderConsole(`/members/${MEMBER_ID}`, { signedIn: true });

    fireEvent.click(await screen.findByText('积分调整', { selector: 'button span' }));
    const dialog = await findDialog('积分调整');
    expect(await within(dialog).findByText(/今日已调整 300 \/ 20000 积分；单次超过 1000 积分须另一位运营审批/)).toBeTruthy();
    const points = within(dialog).getByLabelText('调整积分');
    fireEvent.change(points, { target: { value: '2000' } });
    fireEvent.blur(points);
    expect(await within(dialog).findByText('超过审批门槛：提交后待审批，由另一位运营人员批准后入账。')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('调整原因（内部）'), { target: { value: '客诉补偿' } });
    fireEvent.change(within(dialog).getByLabelText('给会员的说明（可选）'), { target: { value: '门店补偿' } });
    fireEvent.click(button(/^提\s*交$/, dialog));

    const result = await findDialog('积分调整');
    expect(await within(result).findByText('待审批')).toBeTruthy();
    const [sent] = bff.callsTo('ops.points.adjust');
    expect(sent).toMatchObject({ memberId: MEMBER_ID, points: 2000, reason: '客诉补偿', memberNote: '门店补偿' });
    expect(String(sent?.idempotencyKey)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('shows an analyst the member masked, without 查看完整信息 or 积分调整', async () => {
    answerMemberPage(bff, 'analyst');
    renderConsole(`/members/${MEMBER_ID}`, { signedIn: true });

    expect(await screen.findByText('138****8000')).toBeTruthy();
    expect(screen.getByText('麦*')).toBeTruthy();
    expect(screen.queryByText('查看完整信息')).toBeNull();
    await waitFor(() => expect(screen.getByText('积分明细')).toBeTruthy());
    expect(screen.queryByText('积分调整', { selector: 'button span' })).toBeNull();
  });
});

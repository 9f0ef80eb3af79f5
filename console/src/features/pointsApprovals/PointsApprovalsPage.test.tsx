import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { installFakeBff, ok, sessionOf, type FakeBff } from '../../../test/fakeBff';
import { adjustment, LIMITS } from '../../../test/fixtures';
import { button, findDialog } from '../../../test/queries';
import { renderConsole } from '../../../test/renderConsole';

/** The table row holding this text. */
function rowOf(text: string): HTMLElement {
  const row = screen.getByText(text).closest<HTMLElement>('tr');
  if (!row) throw new Error(`"${text}" is not in a table row`);
  return row;
}

describe('the points adjustment approval queue', () => {
  let bff: FakeBff;

  beforeEach(() => {
    bff = installFakeBff();
    bff.on('ops.me', () => ok(sessionOf(['ops'])));
  });

  it("offers 批准 and 驳回 only where the BFF says the reader may decide: never on the requester's own", async () => {
    const mine = adjustment({ id: '65f0000000000000000000c1', reason: '我提交的补偿', canDecide: false });
    const theirs = adjustment({ id: '65f0000000000000000000c2', reason: '同事提交的补偿', requestedBy: { id: '65f0000000000000000000ff', displayName: '另一位运营' }, canDecide: true });
    bff.on('ops.points.adjustments.list', () => ok({ items: [mine, theirs], total: 2, page: 1, pageSize: 20, limits: LIMITS }));
    bff.on('ops.points.adjustments.approve', () => ok({ ...theirs, state: 'applied', stateLabel: '已入账', canDecide: false }));
    renderConsole('/points-approvals', { signedIn: true });

    expect(await screen.findByText('我的今日额度：已调整 300 / 20000 积分')).toBeTruthy();
    await screen.findByText('我提交的补偿');
    expect(within(rowOf('我提交的补偿')).queryByText('批准')).toBeNull();
    expect(within(rowOf('我提交的补偿')).getByText('待他人审批')).toBeTruthy();
    expect(within(rowOf('同事提交的补偿')).getByText('驳回')).toBeTruthy();
    // The queue opens on the pending adjustments.
    expect(bff.callsTo('ops.points.adjustments.list')[0]).toMatchObject({ state: 'pending', page: 1 });

    fireEvent.click(within(rowOf('同事提交的补偿')).getByText('批准'));
    fireEvent.click(button(/^批\s*准$/, await findDialog('批准 +2000 积分？')));

    await waitFor(() => expect(bff.callsTo('ops.points.adjustments.approve')).toEqual([{ id: '65f0000000000000000000c2' }]));
    expect(await screen.findByText('已批准：已入账')).toBeTruthy();
  });
});

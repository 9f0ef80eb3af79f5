import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { installFakeBff, ok, sessionOf, type FakeBff } from '../../../test/fakeBff';
import { MEMBER_ID, moderationItem } from '../../../test/fixtures';
import { button, findDialog, waitForNoDialog } from '../../../test/queries';
import { renderConsole } from '../../../test/renderConsole';

const summary = { memberId: MEMBER_ID, nickname: '小蛋糕', mutedUntil: null, posts: 4, comments: 7, removed: 2, reportsUpheld: 3, reportsDismissed: 1 };
const comment = moderationItem({ kind: 'comment', id: '66a000000000000000000009', state: 'published', reviewReasons: [], photos: [], text: '加我微信买蛋糕' });

describe("an author's history in the moderation console", () => {
  let bff: FakeBff;

  beforeEach(() => {
    bff = installFakeBff();
    bff.on('ops.me', () => ok(sessionOf(['moderator'])));
    bff.on('ops.community.queue', () => ok({ items: [moderationItem()], total: 1, page: 1, pageSize: 20 }));
    bff.on('ops.community.author', () => ok({ author: summary, items: [moderationItem(), comment], total: 11, page: 1, pageSize: 20 }));
  });

  it('opens from the queue by the author: their posts and comments, removals, judged reports and mute', async () => {
    renderConsole('/moderation', { signedIn: true });
    fireEvent.click(await screen.findByText('小蛋糕'));

    expect(await screen.findByText('作者：小蛋糕')).toBeTruthy();
    expect(bff.callsTo('ops.community.author')[0]).toEqual({ memberId: MEMBER_ID, page: 1, pageSize: 20 });
    expect(await screen.findByText('加我微信买蛋糕')).toBeTruthy();
    expect(screen.getByText('今天生日，吃到了草莓蛋糕')).toBeTruthy();
    expect(screen.getByText('被下架').closest('tr, .ant-descriptions-row')?.textContent).toContain('2');
    expect(screen.getByText('3 / 1')).toBeTruthy();
    expect(screen.getByText('未禁言')).toBeTruthy();
  });

  it('removes one of their comments with a reason and mutes them from the page', async () => {
    bff.on('ops.community.remove', () => ok({ ...comment, state: 'removed' }));
    bff.on('ops.community.mute', () => ok({ memberId: MEMBER_ID, mutedUntil: '2026-06-22T12:00:00+08:00' }));
    renderConsole(`/moderation/authors/${MEMBER_ID}`, { signedIn: true });

    const row = (await screen.findByText('加我微信买蛋糕')).closest<HTMLElement>('tr');
    if (!row) throw new Error('the comment is not in a row');
    fireEvent.click(within(row).getByText('下架'));
    const removing = await findDialog('下架这条评论');
    fireEvent.change(within(removing).getByPlaceholderText('将记入操作日志'), { target: { value: '站外引流' } });
    fireEvent.click(button(/^下\s*架$/, removing));
    await waitFor(() => expect(bff.callsTo('ops.community.remove')).toEqual([{ target: { kind: 'comment', id: comment.id }, expectedState: 'published', reason: '站外引流' }]));
    await waitForNoDialog();
    await waitFor(() => expect(bff.callsTo('ops.community.author')).toHaveLength(2));

    fireEvent.click(button('禁言作者'));
    const muting = await findDialog('禁言作者');
    fireEvent.change(within(muting).getByPlaceholderText('将记入操作日志'), { target: { value: '多次站外引流' } });
    fireEvent.click(button(/^禁\s*言$/, muting));
    await waitFor(() => expect(bff.callsTo('ops.community.mute')).toEqual([{ memberId: MEMBER_ID, days: 7, reason: '多次站外引流' }]));
  });

  it('is not open to ops, even by its URL', async () => {
    bff.on('ops.me', () => ok(sessionOf(['ops'])));
    renderConsole(`/moderation/authors/${MEMBER_ID}`, { signedIn: true });
    expect(await screen.findByText('无权访问')).toBeTruthy();
    expect(bff.callsTo('ops.community.author')).toEqual([]);
  });
});

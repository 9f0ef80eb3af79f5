import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { installFakeBff, ok, refused, sessionOf, type FakeBff } from '../../../test/fakeBff';
import { MEMBER_ID, moderationItem } from '../../../test/fixtures';
import { button, findDialog, waitForNoDialog } from '../../../test/queries';
import { renderConsole } from '../../../test/renderConsole';

/** The table row holding this text. */
function rowOf(text: string): HTMLElement {
  const row = screen.getByText(text).closest<HTMLElement>('tr');
  if (!row) throw new Error(`"${text}" is not in a table row`);
  return row;
}
const page = (items: ReturnType<typeof moderationItem>[]) => ok({ items, total: items.length, page: 1, pageSize: 20 });

describe('the community moderation queue', () => {
  let bff: FakeBff;

  beforeEach(() => {
    bff = installFakeBff();
    bff.on('ops.me', () => ok(sessionOf(['moderator'])));
  });

  it('shows a moderator the held posts with their photos, verdicts and reports; 下架 needs a reason and names the state seen', async () => {
    const held = moderationItem();
    const published = moderationItem({ id: '66a000000000000000000002', postId: '66a000000000000000000002', state: 'published', reviewReasons: [], photos: [], text: '被举报的帖子' });
    bff.on('ops.community.queue', () => page([held, published]));
    bff.on('ops.community.remove', () => ok({ ...held, state: 'removed' }));
    renderConsole('/moderation', { signedIn: true });

    await screen.findByText('今天生日，吃到了草莓蛋糕');
    // The queue opens on the posts held for review.
    expect(bff.callsTo('ops.community.queue')[0]).toMatchObject({ view: 'review', kind: 'post', page: 1 });
    const row = rowOf('今天生日，吃到了草莓蛋糕');
    expect(within(row).getByAltText('帖子图片').getAttribute('src')).toBe('/media/AbCdEfGhIjKlMnOpQrStUv/thumb.jpg');
    expect(within(row).getByText('图片待人工复核（微信内容安全）')).toBeTruthy();
    expect(within(row).getByText('图1：待人工 · 标签 10001')).toBeTruthy();
    expect(within(row).getByText('垃圾广告：像广告')).toBeTruthy();
    // Only the moves the state allows: a published post can be removed, not approved again.
    expect(within(rowOf('被举报的帖子')).queryByText('通过')).toBeNull();
    expect(within(row).getByText('通过')).toBeTruthy();

    fireEvent.click(within(row).getByText('下架'));
    const dialog = await findDialog('下架这条帖子');
    fireEvent.click(button(/^下\s*架$/, dialog));
    expect(await within(dialog).findByText('请填写 2–200 字的原因')).toBeTruthy();
    expect(bff.callsTo('ops.community.remove')).toEqual([]);

    fireEvent.change(within(dialog).getByPlaceholderText('将记入操作日志'), { target: { value: '  广告引流  ' } });
    fireEvent.click(button(/^下\s*架$/, dialog));
    await waitFor(() =>
      expect(bff.callsTo('ops.community.remove')).toEqual([{ target: { kind: 'post', id: held.id }, expectedState: 'in_review', reason: '广告引流' }]),
    );
    expect(await screen.findByText('已下架：已下架')).toBeTruthy();
    await waitForNoDialog();
  });

  it('says when another moderator moved the item first, and offers a reload', async () => {
    const held = moderationItem();
    bff.on('ops.community.queue', () => page([held]));
    bff.on('ops.community.approve', () => refused(409, 'MODERATION_STATE_CHANGED'));
    renderConsole('/moderation', { signedIn: true });

    await screen.findByText(held.text);
    fireEvent.click(within(rowOf(held.text)).getByText('通过'));
    const dialog = await findDialog('通过这条帖子');
    fireEvent.change(within(dialog).getByPlaceholderText('将记入操作日志'), { target: { value: '图片无问题' } });
    fireEvent.click(button(/^通\s*过$/, dialog));
    expect(await within(dialog).findByText('关闭并刷新')).toBeTruthy();
    fireEvent.click(button('关闭并刷新', dialog));
    await waitFor(() => expect(bff.callsTo('ops.community.queue').length).toBeGreaterThan(1));
  });

  it('mutes the author for some days with a reason', async () => {
    const held = moderationItem();
    bff.on('ops.community.queue', () => page([held]));
    bff.on('ops.community.mute', () => ok({ memberId: MEMBER_ID, mutedUntil: '2026-06-22T12:00:00+08:00' }));
    renderConsole('/moderation', { signedIn: true });

    await screen.findByText(held.text);
    fireEvent.click(within(rowOf(held.text)).getByText('禁言作者'));
    const dialog = await findDialog('禁言作者');
    fireEvent.change(within(dialog).getByPlaceholderText('将记入操作日志'), { target: { value: '多次发布广告' } });
    fireEvent.click(button(/^禁\s*言$/, dialog));
    await waitFor(() => expect(bff.callsTo('ops.community.mute')).toEqual([{ memberId: MEMBER_ID, days: 7, reason: '多次发布广告' }]));
    expect(await screen.findByText('已禁言至 2026-06-22 12:00:00')).toBeTruthy();
  });

  it('is not open to ops (only moderators and admins moderate), even by its URL', async () => {
    bff.on('ops.me', () => ok(sessionOf(['ops'])));
    renderConsole('/moderation', { signedIn: true });
    expect(await screen.findByText('无权访问')).toBeTruthy();
    expect(bff.callsTo('ops.community.queue')).toEqual([]);
  });
});

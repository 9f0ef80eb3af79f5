import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { taroStandIn } from '../../../test/taroStandIn';
import { buildWish, share } from '../../../test/fixtures';
import { answerRoutes, callsTo, ok, refusal } from '../../../test/routes';
import { setSessionProvider } from '../../api/client';
import { WishlistPage } from './index';

const first = buildWish();
const second = buildWish({ id: 'wish-2', text: '和家人吃顿饭', note: '周末就好', position: 1 });
const list = (overrides: Record<string, unknown> = {}): { statusCode: number; data: unknown } =>
  ok({ wishes: [first, second], maxWishes: 10, shared: false, share: null, ...overrides });

async function typeInto(placeholder: string, value: string): Promise<void> {
  const field = await waitFor(() => {
    const input = document.querySelector(`input[placeholder="${placeholder}"]`);
    if (!input) throw new Error('no input yet');
    return input;
  });
  fireEvent.input(field, { target: { value } });
}

describe('WishlistPage', () => {
  beforeEach(() => {
    taroStandIn.reset();
    setSessionProvider({ token: () => 'token', renew: async () => null });
  });

  it('deletes a wish only after the member confirms', async () => {
    answerRoutes({ 'wishlist.mine': list(), 'wishlist.remove': list({ wishes: [second] }) });

    render(<WishlistPage />);
    await screen.findByText('我的心愿 2/10');

    await act(async () => {
      screen.getAllByText('删除')[0]?.click();
    });
    expect(callsTo('wishlist.remove')).toHaveLength(0);
    expect(screen.getByText('删除这个心愿？')).toBeTruthy();
    await act(async () => {
      screen.getByText('保留').click();
    });
    expect(callsTo('wishlist.remove')).toHaveLength(0);

    await act(async () => {
      screen.getAllByText('删除')[0]?.click();
    });
    await act(async () => {
      const confirm = screen.getAllByText('删除').find((element) => element.closest('.nut-dialog'));
      confirm?.click();
    });
    expect(callsTo('wishlist.remove').map((request) => request.data)).toEqual([{ wishId: 'wish-1' }]);
  });

  it('lists the wishes in order and moves one down by sending the whole new order', async () => {
    answerRoutes({ 'wishlist.mine': list(), 'wishlist.reorder': list() });

    render(<WishlistPage />);

    expect(await screen.findByText('我的心愿 2/10')).toBeTruthy();
    expect(screen.getByText('“周末就好”')).toBeTruthy();
    await act(async () => {
      screen.getAllByLabelText('下移')[0]?.click();
    });
    expect(callsTo('wishlist.reorder').map((request) => request.data)).toEqual([{ wishIds: ['wish-2', 'wish-1'] }]);

    await act(async () => {
      screen.getAllByLabelText('下移')[1]?.click(); // already last: nothing to send
    });
    expect(callsTo('wishlist.reorder')).toHaveLength(1);
  });

  it('adds a free-text wish with a note', async () => {
    answerRoutes({ 'wishlist.mine': list(), 'wishlist.add': list() });

    render(<WishlistPage />);
    await screen.findByText('我的心愿 2/10');
    await typeInto('比如：一束向日葵', ' 一只小熊 ');
    await typeInto('备注（选填）：尺寸、口味…', '要白色的');
    await act(async () => {
      screen.getByText('添加心愿').click();
    });

    expect(callsTo('wishlist.add').map((request) => request.data)).toEqual([{ kind: 'text', text: '一只小熊', note: '要白色的' }]);
    expect(taroStandIn.toasts).toContain('已加入心愿清单');
  });

  it('turns sharing on, then offers the share and the poster', async () => {
    answerRoutes({
      'wishlist.mine': [list(), list({ shared: true, share })],
      'wishlist.share': list({ shared: true, share }),
      'wishlist.poster': refusal(503, 'SERVICE_UNAVAILABLE'),
    });

    render(<WishlistPage />);
    expect(await screen.findByText('默认仅自己可见')).toBeTruthy();
    await act(async () => {
      screen.getByRole('switch', { name: '分享给好友' }).click();
    });

    expect(await screen.findByText('分享心愿清单')).toBeTruthy();
    expect(callsTo('wishlist.share')[0]?.data).toEqual({ shared: true });
    await act(async () => {
      screen.getByText('分享心愿清单').click();
    });
    expect(taroStandIn.clipboard[0]).toMatch(/#\/pages\/wishlist\/friend\/index\?sid=wAbCdEfGhIjKl&ref=ABCD2345$/);
    await act(async () => {
      screen.getByText('生成海报').click();
    });
    expect(taroStandIn.toasts).toContain('服务暂时不可用，请稍后再试');
  });
});

import { act, render, screen, waitFor } from '@testing-library/react';
import { type PointsEntry } from '@cakeday/shared';
import { taroStandIn } from '../../../test/taroStandIn';
import { buildSubscriptions } from '../../../test/fixtures';
import { answerRoutes, callsTo, ok, popupAnswers } from '../../../test/routes';
import { setSessionProvider } from '../../api/client';
import { PointsPage } from './index';

function entry(id: string, delta: number, reason: string): PointsEntry {
  return { id, kind: delta > 0 ? 'earn' : 'spend', delta, reasonCode: 'order', reason, at: '2026-03-14T02:00:00Z', expiresAt: null };
}

describe('PointsPage', () => {
  beforeEach(() => {
    taroStandIn.reset();
    setSessionProvider({ token: () => 'token', renew: async () => null });
  });

  it('pages through the ledger with the cursor, keeping earlier entries', async () => {
    taroStandIn.respond = (request) => {
      const input = request.data as { cursor?: string };
      return input.cursor === 'page-2'
        ? { statusCode: 200, data: { balance: 70, items: [entry('b', -30, '积分兑换')], nextCursor: null } }
        : { statusCode: 200, data: { balance: 70, items: [entry('a', 100, '订单支付获得积分')], nextCursor: 'page-2' } };
    };

    render(<PointsPage />);

    expect(await screen.findByText('订单支付获得积分')).toBeTruthy();
    expect(screen.getByText('+100')).toBeTruthy();
    await act(async () => {
      taroStandIn.reachBottom();
    });
    expect(await screen.findByText('积分兑换')).toBeTruthy();
    expect(screen.getByText('订单支付获得积分')).toBeTruthy();
    expect(screen.getByText('-30')).toBeTruthy();
    expect(screen.getByText('没有更多了')).toBeTruthy();
    expect(callsTo('points.history').map((request) => request.data)).toEqual([{ limit: 20 }, { cursor: 'page-2', limit: 20 }]);
  });

  it.each([
    ['accepts', true, 'accept'],
    ['refuses', false, 'reject'],
  ])('asks for 积分到期提醒 only from its tap; when the member %s the ledger stays as it was', async (_answer, confirm, result) => {
    answerRoutes({
      'points.history': ok({ balance: 70, items: [entry('a', 100, '订单支付获得积分')], nextCursor: null }),
      'subscriptions.mine': ok(buildSubscriptions()),
      'sandbox:/subscription-popups': ok({ ok: true }),
      'subscriptions.record': ok(buildSubscriptions()),
    });
    taroStandIn.answerModal = async () => ({ confirm });

    render(<PointsPage />);
    await screen.findByText('订单支付获得积分');
    expect(taroStandIn.modals).toEqual([]);
    await act(async () => {
      screen.getByText('积分到期提醒').click();
    });

    await waitFor(() => expect(callsTo('subscriptions.record')).toHaveLength(1));
    expect(taroStandIn.modals.map((modal) => modal.content)).toEqual([expect.stringContaining('权益到期提醒')]);
    expect(popupAnswers()).toEqual([{ template: 'tmpl-benefitExpiring', result }]);
    expect(callsTo('subscriptions.record')[0]?.data).toEqual({ moment: 'points_page', choices: [{ template: 'benefitExpiring', result }] });
    expect(callsTo('points.history')).toHaveLength(1);
    expect(screen.getByText('70')).toBeTruthy();
    expect(taroStandIn.toasts).toEqual([]);
  });

  it('says so when there is nothing yet', async () => {
    taroStandIn.respond = () => ({ statusCode: 200, data: { balance: 0, items: [], nextCursor: null } });

    render(<PointsPage />);

    expect(await screen.findByText('还没有积分记录')).toBeTruthy();
  });
});

import { act, render, screen } from '@testing-library/react';
import { taroStandIn } from '../../../test/taroStandIn';
import { answerRoutes, callsTo, ok } from '../../../test/routes';
import { setSessionProvider } from '../../api/client';
import { NpsPage } from './nps/index';

describe('NpsPage (推荐意愿)', () => {
  beforeEach(() => {
    taroStandIn.reset();
    setSessionProvider({ token: () => 'token', renew: async () => 'token' });
  });

  it('asks 0–10 with an optional comment, sends the delivery the campaign linked with, then thanks the member', async () => {
    taroStandIn.params = { delivery: '0123456789abcdef01234567' };
    const answer = { round: '2026-Q4', score: 9, comment: '', createdAt: '2026-11-29T10:00:00+08:00' };
    answerRoutes({
      'satisfaction.npsMine': [ok({ round: '2026-Q4', answer: null }), ok({ round: '2026-Q4', answer })],
      'satisfaction.nps': ok({ answer }),
    });
    render(<NpsPage />);
    expect(await screen.findByText('0 表示完全不可能，10 表示非常愿意')).toBeTruthy();
    await act(async () => {
      screen.getByLabelText('9 分').click();
    });
    await act(async () => {
      screen.getByText('提交').click();
    });
    expect(await screen.findByText('你打了 9 分')).toBeTruthy();
    expect(callsTo('satisfaction.nps').map((request) => request.data)).toEqual([{ score: 9, comment: '', delivery: '0123456789abcdef01234567' }]);
  });
});

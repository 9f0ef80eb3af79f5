import { act, render, screen } from '@testing-library/react';
import { taroStandIn } from '../../../test/taroStandIn';
import { answerRoutes, callsTo, ok } from '../../../test/routes';
import { setSessionProvider } from '../../api/client';
import { MessagesPage } from './index';

const message = (id: string, read: boolean) => ({
  id,
  title: '生日礼提醒',
  lines: [
    { label: '活动名称', value: '你的生日礼已准备好' },
    { label: '温馨提示', value: `还有${id === 'm1' ? 7 : 0}天，记得来领取哦` },
  ],
  page: `pages/birthday/index?delivery=${id}`,
  createdAt: '2027-02-21T10:00:00+08:00',
  read,
});

describe('MessagesPage', () => {
  beforeEach(() => {
    taroStandIn.reset();
    setSessionProvider({ token: () => 'token', renew: async () => null });
  });

  it('shows the messages with the unread count; opening one marks it read and goes to its page', async () => {
    answerRoutes({
      'messages.list': [ok({ items: [message('m2', false), message('m1', true)], total: 2, unreadCount: 1 }), ok({ items: [message('m2', true), message('m1', true)], total: 2, unreadCount: 0 })],
      'messages.read': ok({ unreadCount: 0 }),
    });

    render(<MessagesPage />);

    expect(await screen.findByText('1 条未读')).toBeTruthy();
    expect(screen.getByText('还有0天，记得来领取哦')).toBeTruthy();
    await act(async () => {
      screen.getByText('还有0天，记得来领取哦').click();
    });
    expect(await screen.findByText('没有未读消息')).toBeTruthy();
    expect(callsTo('messages.read').map((request) => request.data)).toEqual([{ ids: ['m2'] }]);
    expect(taroStandIn.navigations).toEqual(['/pages/birthday/index?delivery=m2']);
  });

  it('says so when there is nothing yet', async () => {
    answerRoutes({ 'messages.list': ok({ items: [], total: 0, unreadCount: 0 }) });
    render(<MessagesPage />);
    expect(await screen.findByText('暂无消息')).toBeTruthy();
  });
});

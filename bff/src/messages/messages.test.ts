import { type Types } from 'mongoose';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { deliverToInbox } from './deliverToInbox';

useTestDatabase();

let app: TestApp;
beforeAll(() => {
  app = buildTestApp();
});

const message = (memberId: Types.ObjectId, key: string) => ({ memberId, key, title: '生日礼提醒', lines: [{ label: '活动名称', value: '你的生日礼已准备好' }], page: 'pages/birthday/index?delivery=abc' });

describe('消息中心: messages.list and messages.read', () => {
  it('lists the member’s own messages newest first with the unread count; reading some, then all', async () => {
    const [member, other] = await Promise.all([buildMember(), buildMember()]);
    await deliverToInbox(message(member._id, 'k1'), new Date('2026-11-20T02:00:00Z'));
    await deliverToInbox(message(member._id, 'k2'), new Date('2026-11-21T02:00:00Z'));
    // The same delivery again (a retry, another worker): still one message.
    await deliverToInbox(message(member._id, 'k2'), new Date('2026-11-21T03:00:00Z'));
    await deliverToInbox(message(other._id, 'k3'), new Date('2026-11-21T02:00:00Z'));
    const auth = await sessionFor(member);
    const listed = await app.http.post('/api/messages.list').set('Authorization', auth).send({});
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ total: 2, unreadCount: 2 });
    expect(listed.body.items.map((item: { createdAt: string; read: boolean }) => [item.createdAt, item.read])).toEqual([
      ['2026-11-21T10:00:00+08:00', false],
      ['2026-11-20T10:00:00+08:00', false],
    ]);
    const othersId = (await app.http.post('/api/messages.list').set('Authorization', await sessionFor(other)).send({})).body.items[0].id;
    const one = await app.http.post('/api/messages.read').set('Authorization', auth).send({ ids: [listed.body.items[0].id, othersId] });
    expect(one.body).toEqual({ unreadCount: 1 });
    expect((await app.http.post('/api/messages.list').set('Authorization', await sessionFor(other)).send({})).body.unreadCount).toBe(1);
    expect((await app.http.post('/api/messages.read').set('Authorization', auth).send({ all: true })).body).toEqual({ unreadCount: 0 });
  });

  it('401 without a session; 400 naming neither messages nor all', async () => {
    expect((await app.http.post('/api/messages.list').send({})).status).toBe(401);
    const member = await buildMember();
    expect((await app.http.post('/api/messages.read').set('Authorization', await sessionFor(member)).send({})).status).toBe(400);
  });
});

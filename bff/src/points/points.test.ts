import { buildTestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { earnPoints } from './earnPoints';
import { spendPoints } from './spendPoints';
import { DEFAULT_SETTINGS_SNAPSHOT } from '../settings/settingsSource';

useTestDatabase();

const now = new Date('2026-05-10T04:00:00.000Z');
const { http } = buildTestApp({ now: () => now });

describe('points.history', () => {
  it('401 without a session; 400 for a bad limit', async () => {
    expect((await http.post('/api/points.history').send({})).status).toBe(401);
    const auth = await sessionFor(await buildMember(), { now });
    expect((await http.post('/api/points.history').set('Authorization', auth).send({ limit: 500 })).status).toBe(400);
    expect((await http.post('/api/points.history').set('Authorization', auth).send({ limit: 0 })).status).toBe(400);
  });

  it('200 pages newest first with Chinese reasons; a garbled cursor starts from the top', async () => {
    const member = await buildMember();
    const memberId = member._id.toHexString();
    for (let day = 1; day <= 5; day += 1) {
      await earnPoints(
        { memberId, points: day * 10, idempotencyKey: `history-${day}`, reasonCode: 'order_paid', reason: '订单支付获得积分', reference: null },
        { now: new Date(Date.UTC(2026, 3, day, 2)), settings: DEFAULT_SETTINGS_SNAPSHOT },
      );
    }
    await spendPoints({ memberId, points: 15, idempotencyKey: 'history-spend', reasonCode: 'mall_redeem', reason: '积分兑换', reference: null }, { now });
    const auth = await sessionFor(member, { now });

    const first = await http.post('/api/points.history').set('Authorization', auth).send({ limit: 4 });
    expect(first.status).toBe(200);
    expect(first.body.balance).toBe(135);
    expect(first.body.items.map((item: { delta: number }) => item.delta)).toEqual([-15, 50, 40, 30]);
    expect(first.body.items[0]).toEqual({ id: expect.any(String), kind: 'spend', delta: -15, reasonCode: 'mall_redeem', reason: '积分兑换', at: '2026-05-10T12:00:00+08:00', expiresAt: null });
    expect(first.body.items[1].expiresAt).toBe('2028-01-01T00:00:00+08:00');

    const second = await http.post('/api/points.history').set('Authorization', auth).send({ limit: 4, cursor: first.body.nextCursor });
    expect(second.body.items.map((item: { delta: number }) => item.delta)).toEqual([20, 10]);
    expect(second.body.nextCursor).toBeNull();

    const garbled = await http.post('/api/points.history').set('Authorization', auth).send({ limit: 1, cursor: 'nonsense' });
    expect(garbled.body.items.map((item: { delta: number }) => item.delta)).toEqual([-15]);
  });
});

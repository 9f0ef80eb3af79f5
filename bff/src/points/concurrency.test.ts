import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { auditPointsAccount } from './auditPointsAccount';
import { buildTestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildPointsLot, sessionFor } from '../test/factories';
import type { RouteHandlers } from '../http/routeHandler';
import { handlers } from '../api/handlers';
import { requireMember } from '../members/requireMember';
import { PointsAccountModel } from './PointsAccount.model';
import { PointsEntryModel } from './PointsEntry.model';
import { spendPoints } from './spendPoints';
import { presentPointsEntry } from './presentPointsEntry';
import { memberQueueFor } from './memberQueue';

useTestDatabase();

/**
 * Four BFF app instances (separate Koa apps with their own dependencies, each behind its own HTTP server)
 * on one database, in this process. The ledger keeps no state in memory, so they meet only in the database.
 * Until the mall exists, a test-only route handler stands in for "pay with points": it calls spendPoints.
 */
const withSpendRoute: RouteHandlers = {
  ...handlers,
  'points.history': async (input, { deps, principal }) => {
    const entry = await spendPoints(
      { memberId: requireMember(principal).memberId, points: 10, idempotencyKey: input.cursor ?? 'missing', reasonCode: 'mall_redeem', reason: '积分兑换', reference: null },
      { now: deps.now(), queue: memberQueueFor(deps) },
    );
    return { balance: 0, items: [presentPointsEntry(entry)], nextCursor: null };
  },
};

describe('four instances, one balance', () => {
  const servers: Server[] = [];
  const urls: string[] = [];

  beforeAll(async () => {
    for (let index = 0; index < 4; index += 1) {
      const server = createServer(buildTestApp({}, withSpendRoute).server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      servers.push(server);
      urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    }
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it('200 concurrent spends of 10 against 1000 points: exactly 100 succeed and the ledger agrees', async () => {
    const { member } = await buildPointsLot({ points: 600 });
    await buildPointsLot({ member, points: 400 });
    const token = await sessionFor(member);

    const responses = await Promise.all(
      Array.from({ length: 200 }, (_unused, index) =>
        request(urls[index % 4] ?? '')
          .post('/api/points.history')
          .set('Authorization', token)
          .send({ cursor: `spend-${index}` }),
      ),
    );

    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(100);
    expect(statuses.filter((status) => status === 409)).toHaveLength(100);
    expect(new Set(responses.filter((response) => response.status === 409).map((response) => response.body.error.code))).toEqual(new Set(['POINTS_INSUFFICIENT']));

    const audit = await auditPointsAccount(member._id.toHexString());
    expect(audit).toEqual({ balance: 0, ledgerSum: 0, lotsSum: 0, pendingCount: 0, negativeLots: 0, consistent: true });
    expect(await PointsEntryModel.countDocuments({ memberId: member._id, kind: 'spend', state: 'applied' })).toBe(100);
    const account = await PointsAccountModel.findById(member._id).lean();
    expect(account?.lots.every((lot) => lot.remaining >= 0)).toBe(true);
  });
});

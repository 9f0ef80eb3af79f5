import request from 'supertest';
import { auditPointsAccount } from './auditPointsAccount';
import { useAppInstances } from '../test/appInstances';
import { useTestDatabase } from '../test/database';
import { buildPointsLot, sessionFor } from '../test/factories';
import { buildMallItem } from '../test/mallFactories';
import { MallOrderModel } from '../orders/MallOrder.model';
import { PointsAccountModel } from './PointsAccount.model';
import { PointsEntryModel } from './PointsEntry.model';

useTestDatabase();

/**
 * Four BFF app instances (separate Koa apps with their own dependencies, each behind its own HTTP server)
 * on one database, in this process. The ledger keeps no state in memory, so they meet only in the database.
 * "Pay with points" is a real points-only mall.redeem of an item costing 10 points.
 */
describe('four instances, one balance', () => {
  const instance = useAppInstances(4);

  it('200 concurrent redemptions of 10 points against 1000 points: exactly 100 succeed and the ledger agrees', async () => {
    const item = await buildMallItem({ pointsPrice: 10, stock: 1000, limitPerMember: 1000 });
    const { member } = await buildPointsLot({ points: 600 });
    await buildPointsLot({ member, points: 400 });
    const token = await sessionFor(member);

    const responses = await Promise.all(
      Array.from({ length: 200 }, (_unused, index) =>
        request(instance(index))
          .post('/api/mall.redeem')
          .set('Authorization', token)
          .send({ itemId: item._id.toHexString(), qty: 1, idempotencyKey: `spend-key-${index}` }),
      ),
    );

    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(100);
    expect(statuses.filter((status) => status === 409)).toHaveLength(100);
    expect(new Set(responses.filter((response) => response.status === 409).map((response) => response.body.error.code))).toEqual(new Set(['POINTS_INSUFFICIENT']));
    expect(await MallOrderModel.countDocuments({ buyerMemberId: member._id, status: 'fulfilled' })).toBe(100);

    const audit = await auditPointsAccount(member._id.toHexString());
    expect(audit).toEqual({ balance: 0, ledgerSum: 0, lotsSum: 0, pendingCount: 0, negativeLots: 0, consistent: true });
    expect(await PointsEntryModel.countDocuments({ memberId: member._id, kind: 'spend', state: 'applied' })).toBe(100);
    const account = await PointsAccountModel.findById(member._id).lean();
    expect(account?.lots.every((lot) => lot.remaining >= 0)).toBe(true);
  }, 300_000);
});

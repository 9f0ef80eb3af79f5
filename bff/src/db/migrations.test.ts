import { Types } from 'mongoose';
import { useTestDatabase } from '../test/database';
import { buildMember } from '../test/factories';
import { MemberModel } from '../members/Member.model';
import { MallOrderModel } from '../orders/MallOrder.model';
import { ReferralModel } from '../referral/Referral.model';
import { MigrationModel } from './Migration.model';
import { runPendingMigrations } from './migrations';

useTestDatabase();

const now = new Date('2026-11-29T02:00:00.000Z');

describe('data migrations at start-up', () => {
  it('gives documents stored before the claim fields existed their schedule, once', async () => {
    const gold = await buildMember({ createdAt: new Date('2025-03-10T02:00:00.000Z') });
    await MemberModel.collection.updateOne({ _id: gold._id }, { $set: { 'tier.level': 'gold' }, $unset: { 'tier.reviewDueAt': '' } });
    const referralId = new Types.ObjectId();
    await ReferralModel.collection.insertOne({ _id: referralId, referrerId: new Types.ObjectId(), state: 'joined', joinedAt: now } as never);
    const orderId = new Types.ObjectId();
    await MallOrderModel.collection.insertOne({ _id: orderId, status: 'paid', orderNo: 'M-old-1', updatedAt: now } as never);

    expect(await runPendingMigrations(now)).toEqual(['2026-11-referral-next-check', '2026-11-tier-review-due', '2026-11-order-next-attempt', '2026-11-campaign-presets', '2026-11-campaign-presets-lifecycle', '2026-11-campaign-presets-programmes', '2026-11-campaign-presets-tier-upgrade', '2026-11-welcome-sms', '2026-11-lifecycle-dates-from-paid-spend', '2026-11-campaign-benefit-on-variant']);
    expect((await MemberModel.findById(gold._id).lean())?.tier.reviewDueAt).toEqual(new Date('2027-03-09T16:00:00.000Z')); // the old hourly job already held this year's review
    expect((await ReferralModel.findById(referralId).lean())?.nextCheckAt).toEqual(now);
    expect((await MallOrderModel.findById(orderId).lean())?.nextAttemptAt).toEqual(new Date(now.getTime() + 2 * 60_000));
    expect(await MigrationModel.countDocuments()).toBe(10);
    expect(await runPendingMigrations(now)).toEqual([]);
  });
});

import { rollingSpendWindowStart } from '@cakeday/shared';
import type mongoose from 'mongoose';
import { Types } from 'mongoose';
import { issueCoupon } from '../../../bff/src/coupons/issueCoupon';
import { PaidSpendModel } from '../../../bff/src/tiers/PaidSpend.model';
import { inBatches } from '../fixtures/inBatches';
import { memberHeaders, seedMembers, type BenchMember } from '../fixtures/members';
import { closedLoop } from '../load/closedLoop';
import { against, scaled, type BenchRow, type Scenario } from '../scenario';

const CONNECTIONS = 100;
const MEMBERS = 2000;
const GROUP = 2;

/**
 * The reads members.me performs for one member, through the raw driver: the member (authentication's read, reused),
 * then its rolling spend, points account and coupon count together (keep in step with bff/src/members/describeMember.ts).
 */
export async function membersMeReads(db: mongoose.mongo.Db, memberId: Types.ObjectId, now: Date): Promise<void> {
  await db.collection('members').findOne({ _id: memberId, status: 'active', tokenVersion: 0 });
  await Promise.all([
    db
      .collection('paid_spend')
      .aggregate([{ $match: { memberId, paidAt: { $gte: rollingSpendWindowStart(now), $lte: now } } }, { $group: { _id: null, total: { $sum: '$amountFen' } } }])
      .toArray(),
    db.collection('points_accounts').findOne({ _id: memberId }),
    db.collection('coupons').countDocuments({ memberId, status: 'available', validUntil: { $gt: now } }),
  ]);
}

/** Some history to read: points for everyone, a payment for every fourth member, a coupon for every third. */
async function seedHistory(members: readonly BenchMember[], now: Date): Promise<void> {
  await PaidSpendModel.insertMany(
    members.filter((_, index) => index % 4 === 0).map((member) => ({ memberId: new Types.ObjectId(member.id), key: `bench-paid:${member.id}`, amountFen: 8800, paidAt: now, reference: 'bench' })),
  );
  await inBatches(
    members.filter((_, index) => index % 3 === 0),
    16,
    (member) => issueCoupon({ memberId: member.id, templateCode: 'welcome-5-off', source: 'gift', sourceKey: `bench:${member.id}` }, now),
  );
}

export const membersMeScenario: Scenario = {
  name: 'members.me',
  summary: 'members.me, authenticated, 100 connections, 2,000 members; floor: the raw driver doing the same reads',
  instances: 1,
  group: GROUP,
  async run(context) {
    const members = await seedMembers({ group: GROUP, count: scaled(MEMBERS, context.scale), points: 1000 }, context.secrets, context.now);
    await seedHistory(members, context.now);
    const memberAt = (n: number): BenchMember => members[n % members.length] as BenchMember;
    const ids = members.map((member) => new Types.ObjectId(member.id));

    const floorMeasurement = await closedLoop({
      concurrency: CONNECTIONS,
      seconds: context.seconds,
      requests: context.requests,
      operation: (n) => membersMeReads(context.db, ids[n % ids.length] as Types.ObjectId, new Date()),
    });
    const floor: BenchRow = { name: 'members.me floor', kind: 'floor', connections: CONNECTIONS, instances: 0, measurement: floorMeasurement };
    const measurement = await context.timed('members.me', {
      targets: context.bff.slice(0, 1),
      path: '/api/members.me',
      method: 'POST',
      connections: CONNECTIONS,
      body: '{}',
      request: (n) => ({ headers: memberHeaders(memberAt(n)) }),
    });
    return { rows: [against({ name: 'members.me', kind: 'route', connections: CONNECTIONS, instances: 1, measurement }, floor), floor], checks: [] };
  },
};

import { limitPeriodKey } from '@cakeday/shared';
import type mongoose from 'mongoose';
import { Types } from 'mongoose';
import type { MallItem } from '../../../bff/src/mall/MallItem.model';
import { seedCatalog } from '../fixtures/mall';
import { memberHeaders, seedMembers, type BenchMember } from '../fixtures/members';
import { closedLoop } from '../load/closedLoop';
import { against, scaled, type BenchRow, type Scenario } from '../scenario';

const CONNECTIONS = 100;
const MEMBERS = 500;
const CATALOG = 50;
const PAGE = 20;
const GROUP = 3;

function visibleNow(now: Date): Record<string, unknown> {
  return {
    status: 'active',
    $and: [{ $or: [{ visibleFrom: null }, { visibleFrom: { $lte: now } }] }, { $or: [{ visibleTo: null }, { visibleTo: { $gt: now } }] }],
  };
}

async function authenticate(db: mongoose.mongo.Db, memberId: Types.ObjectId): Promise<void> {
  await db.collection('members').findOne({ _id: memberId, status: 'active', tokenVersion: 0 }, { projection: { openid: 1 } });
}

async function viewer(db: mongoose.mongo.Db, memberId: Types.ObjectId): Promise<unknown> {
  return Promise.all([
    db.collection('members').findOne({ _id: memberId, status: 'active' }, { projection: { tier: 1 } }),
    db.collection('points_accounts').findOne({ _id: memberId }, { projection: { balance: 1 } }),
  ]);
}

/** The reads mall.list performs for a logged-in member (bff/src/mall/browseMall.ts listMall), through the raw driver. */
export async function mallListReads(db: mongoose.mongo.Db, memberId: Types.ObjectId, now: Date): Promise<void> {
  await authenticate(db, memberId);
  await Promise.all([
    db.collection('mall_items').find(visibleNow(now)).sort({ sortOrder: 1, _id: 1 }).skip(0).limit(PAGE + 1).toArray(),
    viewer(db, memberId),
  ]);
}

/** The reads mall.item performs for a logged-in member (browseMall.ts describeMallItem), through the raw driver. */
export async function mallItemReads(db: mongoose.mongo.Db, memberId: Types.ObjectId, item: MallItem, now: Date): Promise<void> {
  await authenticate(db, memberId);
  await db.collection('mall_items').findOne({ _id: item._id, ...visibleNow(now) });
  await Promise.all([viewer(db, memberId), item.couponTemplateCode ? db.collection('coupon_templates').findOne({ code: item.couponTemplateCode }) : null]);
  await db.collection<{ _id: string }>('mall_redemption_limits').findOne({ _id: `${memberId.toHexString()}:${item._id.toHexString()}:${limitPeriodKey(item.limitPeriod, now)}` });
}

export const mallBrowseScenario: Scenario = {
  name: 'mall.list / mall.item',
  summary: 'the mall\'s hottest reads, logged in, 100 connections, 500 members, a 50-item catalog; floors: the raw driver doing the same reads',
  instances: 1,
  group: GROUP,
  async run(context) {
    const members = await seedMembers({ group: GROUP, count: scaled(MEMBERS, context.scale), points: 1000 }, context.secrets, context.now);
    const items = await seedCatalog(CATALOG, context.now);
    const memberAt = (n: number): BenchMember => members[n % members.length] as BenchMember;
    const itemAt = (n: number): MallItem => items[(n * 7) % items.length] as MallItem;
    const idOf = (n: number): Types.ObjectId => new Types.ObjectId(memberAt(n).id);
    const target = context.bff.slice(0, 1);
    const rows: BenchRow[] = [];

    const listFloor: BenchRow = {
      name: 'mall.list floor',
      kind: 'floor',
      connections: CONNECTIONS,
      instances: 0,
      measurement: await closedLoop({ concurrency: CONNECTIONS, seconds: context.seconds, requests: context.requests, operation: (n) => mallListReads(context.db, idOf(n), new Date()) }),
    };
    const list = await context.timed('mall.list', {
      targets: target,
      path: '/api/mall.list',
      method: 'POST',
      connections: CONNECTIONS,
      body: JSON.stringify({ limit: PAGE }),
      request: (n) => ({ headers: memberHeaders(memberAt(n)) }),
    });
    rows.push(against({ name: 'mall.list', kind: 'route', connections: CONNECTIONS, instances: 1, measurement: list }, listFloor), listFloor);

    const itemFloor: BenchRow = {
      name: 'mall.item floor',
      kind: 'floor',
      connections: CONNECTIONS,
      instances: 0,
      measurement: await closedLoop({ concurrency: CONNECTIONS, seconds: context.seconds, requests: context.requests, operation: (n) => mallItemReads(context.db, idOf(n), itemAt(n), new Date()) }),
    };
    const item = await context.timed('mall.item', {
      targets: target,
      path: '/api/mall.item',
      method: 'POST',
      connections: CONNECTIONS,
      request: (n) => ({ headers: memberHeaders(memberAt(n)), body: JSON.stringify({ itemId: itemAt(n)._id.toHexString() }) }),
    });
    rows.push(against({ name: 'mall.item', kind: 'route', connections: CONNECTIONS, instances: 1, measurement: item }, itemFloor), itemFloor);
    return { rows, checks: [] };
  },
};

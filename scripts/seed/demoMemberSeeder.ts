import { businessInstant, maskPhone } from '@cakeday/shared';
import { Types, type Connection } from 'mongoose';
import { DEV_DATA_KEY } from '../../bff/src/config/config';
import { encryptPersonalData, keyedHash } from '../../bff/src/members/personalDataCrypto';
import type { Seeder } from './seeders';

/**
 * The demo member. Agreed openid: the WeChat sandbox's `demo` user must log in with this openid
 * (`o-demo-cakeday-0001`), so that logging in as `demo` in `npm run dev` lands on this member.
 * Writes documents in the shapes of bff/src/members/Member.model.ts and bff/src/points/*.model.ts:
 * every entry applied, the account equal to their sum, so the ledger audit holds.
 */
export const DEMO_MEMBER_OPENID = 'o-demo-cakeday-0001';
const DEMO_MEMBER_ID = new Types.ObjectId('64d000000000000000000001');
/** The WeChat sandbox's `demo` user's number: what binding the phone in the mini-program would store. */
export const DEMO_MEMBER_PHONE = '13800138000';

/** The keys the BFF reads the phone with: the environment's, else the development default (as bff config). */
export interface PersonalDataKeys {
  encryptionKey: string;
  hashKey: string;
}

export function personalDataKeysFromEnv(env: NodeJS.ProcessEnv = process.env): PersonalDataKeys {
  return { encryptionKey: env.DATA_ENCRYPTION_KEY ?? DEV_DATA_KEY, hashKey: env.DATA_HASH_KEY ?? DEV_DATA_KEY };
}

/**
 * Binds the demo phone as bindPhone stores it (encrypted, masked, keyed hash), so ops can find the demo member by
 * phone. Only while the member has none: a number bound since (or unbound by erasure) is left alone, and running the
 * seed again changes nothing.
 */
async function bindDemoPhone(connection: Connection, memberId: Types.ObjectId, keys: PersonalDataKeys, at: Date): Promise<void> {
  await connection.collection('members').updateOne(
    { _id: memberId, status: 'active', phone: null, phoneHash: { $exists: false } },
    {
      $set: {
        phone: { ciphertext: encryptPersonalData(DEMO_MEMBER_PHONE, keys.encryptionKey), masked: maskPhone(DEMO_MEMBER_PHONE), boundAt: at },
        phoneHash: keyedHash('phone', DEMO_MEMBER_PHONE, keys.hashKey),
      },
    },
  );
}


const earns = [
  { id: '64d0000000000000000000a1', key: 'seed:demo:earn:1', points: 320, reason: '订单支付获得积分', at: businessInstant('2025-11-18T12:30:00'), expiresAt: businessInstant('2027-01-01T00:00:00') },
  { id: '64d0000000000000000000a2', key: 'seed:demo:earn:2', points: 880, reason: '订单支付获得积分', at: businessInstant('2026-03-02T18:05:00'), expiresAt: businessInstant('2028-01-01T00:00:00') },
];
const spend = { id: '64d0000000000000000000b1', key: 'seed:demo:spend:1', points: 200, at: businessInstant('2026-04-10T09:00:00') };

export const demoMemberSeeder: Seeder = {
  name: 'demo member',
  async run(connection: Connection) {
    const createdAt = businessInstant('2025-09-01T10:00:00');
    await connection.collection('members').updateOne(
      { openid: DEMO_MEMBER_OPENID },
      {
        $setOnInsert: {
          _id: DEMO_MEMBER_ID,
          status: 'active',
          tokenVersion: 0,
          nickname: '麦麦',
          avatarUrl: null,
          phone: null,
          birthday: { month: 9, day: 15, yearCiphertext: null },
          birthdayHistory: { firstSetAt: createdAt, corrections: 0, lastBenefitClaimedAt: null },
          // Reviewed from its next membership anniversary (a due date in the past is reviewed on the job's next run).
          tier: { level: 'gold', since: businessInstant('2026-03-02T18:05:00'), reviewedAt: null, reviewDueAt: businessInstant('2026-09-01T00:00:00') },
          newMemberRewardsEligible: true,
          createdAt,
          updatedAt: createdAt,
          deletedAt: null,
        },
      },
      { upsert: true },
    );
    const member = await connection.collection('members').findOne({ openid: DEMO_MEMBER_OPENID });
    const memberId = member?._id ?? DEMO_MEMBER_ID;
    await bindDemoPhone(connection, memberId, personalDataKeysFromEnv(), createdAt);
    await connection.collection('consents').updateOne(
      { memberId, purpose: 'birthday', action: 'grant' },
      { $setOnInsert: { version: 'birthday-2026-01', at: createdAt, ip: null } },
      { upsert: true },
    );
    await connection.collection('paid_spend').updateOne(
      { key: 'seed:demo:paid:1' },
      { $setOnInsert: { memberId, amountFen: 58_000, paidAt: businessInstant('2026-03-02T18:05:00'), reference: 'demo-order-1' } },
      { upsert: true },
    );
    const entry = (fields: Record<string, unknown>) => ({
      memberId,
      state: 'applied',
      reference: { type: 'seed', id: 'demo' },
      targetId: null,
      rejection: null,
      ...fields,
    });
    for (const earn of earns) {
      await connection.collection('points_entries').updateOne(
        { key: earn.key },
        { $setOnInsert: entry({ _id: new Types.ObjectId(earn.id), kind: 'earn', requested: earn.points, delta: earn.points, reasonCode: 'order_paid', reason: earn.reason, expiresAt: earn.expiresAt, allocations: [{ lotId: earn.id, amount: earn.points }], createdAt: earn.at, appliedAt: earn.at }) },
        { upsert: true },
      );
    }
    // The spend burns the first-expiring lot: 200 of its 320.
    await connection.collection('points_entries').updateOne(
      { key: spend.key },
      { $setOnInsert: entry({ _id: new Types.ObjectId(spend.id), kind: 'spend', requested: spend.points, delta: -spend.points, reasonCode: 'mall_redeem', reason: '积分兑换 生日蛋糕券', expiresAt: null, allocations: [{ lotId: earns[0]?.id, amount: -spend.points }], createdAt: spend.at, appliedAt: spend.at }) },
      { upsert: true },
    );
    const lots = earns.map((earn, index) => ({
      lotId: earn.id,
      earnedAt: earn.at,
      expiresAt: earn.expiresAt,
      amount: earn.points,
      remaining: index === 0 ? earn.points - spend.points : earn.points,
    }));
    const balance = lots.reduce((sum, lot) => sum + lot.remaining, 0);
    await connection.collection('points_accounts').updateOne(
      { _id: memberId },
      { $setOnInsert: { balance, version: 1, lots, pending: [], updatedAt: spend.at } },
      { upsert: true },
    );
    return `member ${DEMO_MEMBER_OPENID} (phone ${maskPhone(DEMO_MEMBER_PHONE)}) with ${balance} points`;
  },
};

import { tierReviewDueAt } from '@cakeday/shared';
import type { Logger } from '../logger';
import { MemberModel } from '../members/Member.model';
import { MallOrderModel } from '../orders/MallOrder.model';
import { scheduleOnEntering } from '../orders/sweepSchedule';
import { ReferralModel } from '../referral/Referral.model';
import { ensureCampaignPresets } from '../campaigns/campaignPresets';
import { CampaignModel } from '../campaigns/Campaign.model';
import { WELCOME_SMS } from '../campaigns/lifecyclePresets';
import { backfillLifecycleDates } from '../campaigns/backfillLifecycleDates';
import { migrateCampaignBenefits } from '../campaigns/migrateCampaignBenefits';
import { MigrationModel } from './Migration.model';

export interface DataMigration {
  name: string;
  /** Idempotent: safe to run again, and by two instances at once. Returns a one-line summary. */
  run(now: Date): Promise<string>;
}

/**
 * Backfills for documents stored before a field that work is claimed by existed: without them the jobs that claim
 * by `nextCheckAt`, `tier.reviewDueAt` and `nextAttemptAt` would never reach those documents.
 */
export const migrations: readonly DataMigration[] = [
  {
    name: '2026-11-referral-next-check',
    async run(now) {
      const result = await ReferralModel.updateMany({ state: { $in: ['joined', 'rewarded'] }, nextCheckAt: { $exists: false } }, { $set: { nextCheckAt: now } });
      return `${result.modifiedCount} referrals scheduled`;
    },
  },
  {
    name: '2026-11-tier-review-due',
    async run(now) {
      const members = await MemberModel.find({ 'tier.level': { $ne: 'basic' }, 'tier.reviewDueAt': { $exists: false } }, { createdAt: 1, tier: 1 }).lean();
      for (const member of members) {
        await MemberModel.updateOne(
          { _id: member._id, 'tier.reviewDueAt': { $exists: false } },
          { $set: { 'tier.reviewDueAt': tierReviewDueAt(member.createdAt, member.tier.level, now) } },
        );
      }
      return `${members.length} members given a review date`;
    },
  },
  {
    name: '2026-11-order-next-attempt',
    async run(now) {
      const orders = await MallOrderModel.find({ nextAttemptAt: { $exists: false } }, { status: 1 }).lean();
      for (const order of orders) {
        await MallOrderModel.updateOne({ _id: order._id, nextAttemptAt: { $exists: false } }, { $set: scheduleOnEntering(order.status, now) });
      }
      return `${orders.length} orders scheduled`;
    },
  },
  {
    // Not a backfill: the ready-made campaigns ops switch on (a draft each, created once).
    name: '2026-11-campaign-presets',
    async run(now) {
      return `${(await ensureCampaignPresets(now)).length} campaign presets present`;
    },
  },
  {
    // The presets added since (the birthday T-3 SMS): created once where the first pass already ran.
    name: '2026-11-campaign-presets-lifecycle',
    async run(now) {
      return `${(await ensureCampaignPresets(now)).length} campaign presets present`;
    },
  },
  {
    // The lifecycle programmes (welcome, 90-day care, points expiry, member day, spend reward, points milestone) and
    // the coupon templates they give: created once where the earlier preset passes already ran.
    name: '2026-11-campaign-presets-programmes',
    async run(now) {
      return `${(await ensureCampaignPresets(now)).length} campaign presets present`;
    },
  },
  {
    // The tier upgrade's congratulation (升级礼遇, a draft): created once where the earlier preset passes already ran.
    name: '2026-11-campaign-presets-tier-upgrade',
    async run(now) {
      return `${(await ensureCampaignPresets(now)).length} campaign presets present`;
    },
  },
  {
    // The welcome programme created before it had the SMS channel: the SMS after the subscription message, once.
    name: '2026-11-welcome-sms',
    async run() {
      const updated = await CampaignModel.updateMany({ presetKey: 'lifecycle-welcome', 'message.sms': { $exists: false } }, { $set: { 'message.sms': WELCOME_SMS } });
      return `${updated.modifiedCount} welcome programmes given the SMS channel`;
    },
  },
  {
    // Payments made before the event outbox: the lifecycle dates the welcome and the 90-day care read (not replayed as events).
    name: '2026-11-lifecycle-dates-from-paid-spend',
    async run() {
      return `${await backfillLifecycleDates()} payments read`;
    },
  },
  {
    // The campaign-level coupon (benefit.couponTemplateCode) onto the variants, where the benefit now lives.
    name: '2026-11-campaign-benefit-on-variant',
    run: () => migrateCampaignBenefits(),
  },
];

/** Runs the migrations this database has not recorded, in order; called once at start-up, before serving. */
export async function runPendingMigrations(now: Date, logger?: Logger, list: readonly DataMigration[] = migrations): Promise<string[]> {
  const applied = new Set((await MigrationModel.find({}, { _id: 1 }).lean()).map((migration) => migration._id));
  const ran: string[] = [];
  for (const migration of list) {
    if (applied.has(migration.name)) continue;
    const summary = await migration.run(now);
    await MigrationModel.updateOne({ _id: migration.name }, { $setOnInsert: { appliedAt: now, summary } }, { upsert: true }).catch((error: unknown) => {
      if ((error as { code?: unknown }).code !== 11000) throw error;
    });
    logger?.info({ migration: migration.name, summary }, 'data migration applied');
    ran.push(migration.name);
  }
  return ran;
}

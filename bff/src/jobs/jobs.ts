import { expireCoupons } from '../coupons/expireCoupons';
import { closeUnpaidOrders } from '../orders/closeUnpaidOrders';
import { orderContextFrom } from '../orders/orderContextFrom';
import { reconcilePayments } from '../orders/reconcilePayments';
import { sweepOrders } from '../orders/sweepOrders';
import { expirePoints } from '../points/expirePoints';
import { repairPointsLedger } from '../points/repairPointsLedger';
import { reviewTiers } from '../tiers/reviewTiers';
import { settlePendingTierUpgrades } from '../tiers/tierUpgradeEvents';
import { expireHelpCampaigns } from '../help/expireHelpCampaigns';
import { repairHelp } from '../help/repairHelp';
import { settleReferralRewards } from '../referral/settleReferralRewards';
import { memberQueueFor } from '../points/memberQueue';
import { settlePendingAudits } from '../audit/settlePendingAudits';
import { resumeErasures } from '../members/deleteMember';
import { finishAdjustments } from '../points/adjustments/finishAdjustments';
import { queueOverduePosts } from '../community/overdueVerdicts';
import { repairCommunityCounters } from '../community/repairCounters';
import { settingsAt } from '../settings/settingsSource';
import { purgeMessagePushInbox, retryMessagePushes } from '../wechat/messagePush/retryMessagePushes';
import { posContextFrom } from '../pos/handlers';
import { settlePendingPos } from '../pos/settlePending';
import { segmentMembers } from '../analytics/segmentMembers';
import { snapshotMemberDays } from '../analytics/snapshotMemberDays';
import { recordPendingDeliveryEvents } from '../campaigns/deliveryEvents';
import { snapshotLiability } from '../insights/snapshotLiability';
import { deliverAlertNotices } from '../insights/deliverAlertNotices';
import { evaluateAlerts } from '../insights/evaluateAlerts';
import { consumeEvents } from '../events/consumeEvents';
import { runCampaigns } from '../campaigns/runCampaigns';
import { settleSendingDeliveries } from '../campaigns/settleSendingDeliveries';
import { eventConsumerFor, EVENT_CONSUMER_JOBS } from './eventConsumers';
import type { Job } from './scheduler';

const MINUTE = 60_000;
const ANALYTICS_EVENTS_PER_RUN = 5_000;

/** Every scheduled job. Adding one is one line here; each is also callable directly (tests, ops). */
export const jobs: readonly Job[] = [
  // Each run reads one instant and the settings in force at it (orderContextFrom, settingsAt), as commands do.
  { name: 'orders.closeUnpaid', intervalMs: MINUTE, run: async (deps) => closeUnpaidOrders(await orderContextFrom(deps)) },
  { name: 'orders.sweep', intervalMs: 2 * MINUTE, run: async (deps) => sweepOrders(await orderContextFrom(deps)) },
  { name: 'orders.reconcilePayments', intervalMs: 2 * MINUTE, run: async (deps) => reconcilePayments(await orderContextFrom(deps)) },
  { name: 'coupons.expire', intervalMs: 10 * MINUTE, run: (deps) => expireCoupons(deps.now()) },
  { name: 'points.expire', intervalMs: 60 * MINUTE, run: (deps) => expirePoints({ now: deps.now() }) },
  { name: 'points.repairLedger', intervalMs: 10 * MINUTE, run: (deps) => repairPointsLedger({ now: deps.now() }) },
  { name: 'points.finishAdjustments', intervalMs: 5 * MINUTE, run: async (deps) => finishAdjustments({ ...(await settingsAt(deps)), queue: memberQueueFor(deps) }) },
  {
    name: 'tiers.review',
    intervalMs: 60 * MINUTE,
    run: async (deps) => {
      const { now, settings } = await settingsAt(deps);
      // First the upgrades whose tier.upgraded event a crash left unrecorded (their purchase may never be retried).
      const upgradeEventsRepaired = await settlePendingTierUpgrades(now);
      return { ...(await reviewTiers({ now, thresholds: settings.settings.tiers })), upgradeEventsRepaired };
    },
  },
  { name: 'help.expire', intervalMs: 10 * MINUTE, run: (deps) => expireHelpCampaigns(deps.now()) },
  { name: 'help.finishUnlocks', intervalMs: 2 * MINUTE, run: (deps) => repairHelp({ now: deps.now(), logger: deps.logger }) },
  { name: 'members.resumeErasures', intervalMs: 10 * MINUTE, run: (deps) => resumeErasures({ now: deps.now(), config: deps.config, photos: deps.photos }) },
  { name: 'audit.settlePending', intervalMs: 5 * MINUTE, run: (deps) => settlePendingAudits({ now: deps.now(), logger: deps.logger }) },
  { name: 'campaigns.run', intervalMs: MINUTE, run: (deps) => runCampaigns(deps) },
  // Dispatch is not a job: every instance runs dispatch workers (campaigns/dispatchWorker.ts, started by main.ts).
  { name: 'campaigns.settleSending', intervalMs: 5 * MINUTE, run: (deps) => settleSendingDeliveries(deps) },
  // Settled deliveries' outcomes into the event outbox, in batches (dispatch only marks them).
  { name: 'campaigns.recordOutcomes', intervalMs: MINUTE, run: (deps) => recordPendingDeliveryEvents(deps.now()) },
  { name: 'wechat.messagePush.retry', intervalMs: MINUTE, run: (deps) => retryMessagePushes(deps) },
  { name: 'wechat.messagePush.purge', intervalMs: 60 * MINUTE, run: (deps) => purgeMessagePushInbox(deps.now()) },
  { name: 'pos.settle', intervalMs: 2 * MINUTE, run: async (deps) => settlePendingPos({ ...(await posContextFrom({ deps })), logger: deps.logger }) },
  {
    name: 'referral.settleRewards',
    intervalMs: 5 * MINUTE,
    run: async (deps) => settleReferralRewards({ ...(await settingsAt(deps)), settingsSource: deps.settings, queue: memberQueueFor(deps), logger: deps.logger }),
  },
  // Every consumer of the event outbox (eventConsumers.ts), at most ANALYTICS_EVENTS_PER_RUN events a run: a backlog
  // never outlives the lease (two consumers at once could count a member's active day twice).
  ...EVENT_CONSUMER_JOBS.map((job): Job => ({ name: job, intervalMs: MINUTE, run: (deps) => consumeEvents(eventConsumerFor(job, deps), { now: deps.now(), maxEvents: ANALYTICS_EVENTS_PER_RUN }) })),
  // Stages and scores follow the members' stats the analytics consumer keeps.
  { name: 'analytics.segments', intervalMs: 10 * MINUTE, run: async (deps) => segmentMembers(await settingsAt(deps)) },
  // Members by tier and stage, one snapshot a Shanghai day refreshed hourly (missed days filled in, bounded).
  { name: 'analytics.memberDays', intervalMs: 60 * MINUTE, run: (deps) => snapshotMemberDays(deps.now()) },
  // Today's points liability, fresh every hour (the console reads the day's snapshot).
  { name: 'insights.liability', intervalMs: 60 * MINUTE, run: (deps) => snapshotLiability(deps.now(), { refresh: true }) },
  // KPI, reach and failure-rate thresholds on the last whole day's window; notices of alerts not yet notified.
  {
    name: 'insights.alerts',
    intervalMs: 15 * MINUTE,
    run: async (deps) => {
      const { now, settings } = await settingsAt(deps);
      return evaluateAlerts({ now, settings: settings.settings, logger: deps.logger });
    },
  },
  // The on-duty operators' alert notices to the ops group's 企业微信 robot, retried with backoff.
  { name: 'insights.alertNotices', intervalMs: MINUTE, run: (deps) => deliverAlertNotices({ now: deps.now(), robot: deps.wecomRobot, logger: deps.logger }) },
  { name: 'community.queueOverdue', intervalMs: MINUTE, run: (deps) => queueOverduePosts(deps.now()) },
  { name: 'community.repairCounters', intervalMs: 5 * MINUTE, run: (deps) => repairCommunityCounters(deps.now()) },
];

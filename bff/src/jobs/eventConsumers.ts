import { analyticsConsumer } from '../analytics/analyticsConsumer';
import { lifecycleConsumerFor } from '../campaigns/lifecycleConsumer';
import { campaignResultsConsumerFor } from '../campaigns/results/campaignResultsJob';
import type { EventConsumer } from '../events/consumeEvents';
import type { AppDeps } from '../http/deps';
import { insightsConsumerFor } from '../insights/insightsConsumer';

type ConsumerDeps = Pick<AppDeps, 'now' | 'settings'>;

/**
 * Every consumer of the event outbox, by the job that runs it (jobs.ts makes one job of each): whatever seeds events
 * in bulk (the bench) moves each one's checkpoint (the consumer's `name`) past them, so a consumer added here is not
 * left to replay them.
 */
const consumers = {
  // The dashboards' daily rollups and the members' stats follow the event outbox; stages and scores follow the stats.
  'analytics.consume': () => analyticsConsumer,
  // The event-triggered lifecycle programmes (welcome, spend reward, points milestone) follow the outbox.
  'campaigns.lifecycle': (deps) => lifecycleConsumerFor(deps),
  'campaigns.results': (deps) => campaignResultsConsumerFor(deps),
  // The insights dashboards' daily counts (satisfaction, messages, community) follow the outbox with their own checkpoint.
  'insights.consume': (deps) => insightsConsumerFor(deps),
} satisfies Record<string, (deps: ConsumerDeps) => EventConsumer>;

export type EventConsumerJob = keyof typeof consumers;

export const EVENT_CONSUMER_JOBS = Object.keys(consumers) as EventConsumerJob[];

export const eventConsumerFor = (job: EventConsumerJob, deps: ConsumerDeps): EventConsumer => consumers[job](deps);

/** Every event consumer's checkpoint name. */
export const eventConsumerNames = (deps: ConsumerDeps): string[] => EVENT_CONSUMER_JOBS.map((job) => eventConsumerFor(job, deps).name);

import { emptyAlertInputs, type AlertInputs, type InsightsSettings } from '@cakeday/shared';
import { businessDaysFrom } from '../analytics/businessDays';
import { InsightsDayModel, type InsightsDay } from './InsightsDay.model';
import { readKpiInputs } from './readKpis';

type Group = Record<string, number> | undefined;
const each = (group: Group, add: (name: string, value: number) => void): void => {
  for (const [name, value] of Object.entries(group ?? {})) add(name, value);
};

/** A window's sums for the alerts, from the daily rollups only (at most a few documents a day). */
export async function readAlertInputs(window: { from: string; to: string }, settings: InsightsSettings): Promise<AlertInputs> {
  const inputs = emptyAlertInputs();
  inputs.kpis = (await readKpiInputs(window, settings)).total;
  const days = await InsightsDayModel.find(
    { _id: { $in: businessDaysFrom(window.from, window.to) } },
    { 'counts.messagesSent': 1, 'counts.failedByChannel': 1, 'counts.skippedByChannel': 1, 'counts.campaignSent': 1, 'counts.campaignFailed': 1 },
  ).lean<Pick<InsightsDay, '_id' | 'counts'>[]>();
  const channel = (name: string) => (inputs.channels[name] ??= { sent: 0, failed: 0, skipped: 0 });
  const campaign = (id: string) => (inputs.campaigns[id] ??= { sent: 0, failed: 0 });
  for (const { counts } of days) {
    each(counts?.messagesSent, (name, value) => (channel(name).sent += value));
    each(counts?.failedByChannel, (name, value) => (channel(name).failed += value));
    each(counts?.skippedByChannel, (name, value) => (channel(name).skipped += value));
    each(counts?.campaignSent, (id, value) => (campaign(id).sent += value));
    each(counts?.campaignFailed, (id, value) => (campaign(id).failed += value));
  }
  return inputs;
}

import { emptyKpiInputs, KPI_NAMES, kpiSample, kpiTargetKeys, kpiValue, MEASURED_KPIS, type KpiInputs, type KpiName } from './kpis.rules.js';
import type { InsightsSettings } from '../settings/settings.defaults.js';

/** What an alert watches: a KPI under its target, a channel's reach under its floor, a campaign's failures over theirs. */
export const ALERT_KINDS = ['kpi', 'channelReach', 'campaignFailure'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_STATES = ['open', 'acknowledged'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** How many business days, ending on the day evaluated, an alert looks at. */
export const ALERT_WINDOW_DAYS = 7;

/** The window's sums an alert is judged on (the KPI inputs, and per channel and per campaign message outcomes). */
export interface AlertInputs {
  kpis: KpiInputs;
  /** channel → sent, failed, skipped. */
  channels: Record<string, { sent: number; failed: number; skipped: number }>;
  /** campaign id → sent, failed. */
  campaigns: Record<string, { sent: number; failed: number }>;
}

export const emptyAlertInputs = (): AlertInputs => ({ kpis: emptyKpiInputs(), channels: {}, campaigns: {} });

/** One threshold crossed: what it saw (value against threshold, on how large a sample). */
export interface AlertFinding {
  kind: AlertKind;
  /** The KPI's name, the channel, or the campaign's id. */
  subject: string;
  value: number;
  threshold: number;
  sample: number;
}

const permille = (part: number, whole: number): number => Math.floor((part * 1000) / whole);

/**
 * The thresholds crossed in a window: a measured KPI under its target, a channel's reach (sent of sent + failed +
 * skipped) under `channelReachMinPermille`, a campaign's failures (failed of sent + failed) over
 * `campaignFailureMaxPermille`; each only on at least `minSample` members, answers or messages.
 */
export function alertFindings(inputs: AlertInputs, settings: InsightsSettings): AlertFinding[] {
  const { minSample, channelReachMinPermille, campaignFailureMaxPermille } = settings.alerts;
  const findings: AlertFinding[] = [];
  for (const kpi of KPI_NAMES.filter((name): name is KpiName => MEASURED_KPIS.has(name))) {
    const value = kpiValue(kpi, inputs.kpis);
    const sample = kpiSample(kpi, inputs.kpis);
    const threshold = settings.targets[kpiTargetKeys[kpi]];
    if (value !== null && sample >= minSample && value < threshold) findings.push({ kind: 'kpi', subject: kpi, value, threshold, sample });
  }
  for (const [channel, counts] of Object.entries(inputs.channels).sort(([a], [b]) => a.localeCompare(b))) {
    const sample = counts.sent + counts.failed + counts.skipped;
    if (sample < minSample) continue;
    const value = permille(counts.sent, sample);
    if (value < channelReachMinPermille) findings.push({ kind: 'channelReach', subject: channel, value, threshold: channelReachMinPermille, sample });
  }
  for (const [campaignId, counts] of Object.entries(inputs.campaigns).sort(([a], [b]) => a.localeCompare(b))) {
    const sample = counts.sent + counts.failed;
    if (sample < minSample) continue;
    const value = permille(counts.failed, sample);
    if (value > campaignFailureMaxPermille) findings.push({ kind: 'campaignFailure', subject: campaignId, value, threshold: campaignFailureMaxPermille, sample });
  }
  return findings;
}

/** One alert per threshold per subject per day evaluated: a retried evaluation records nothing twice. */
export const alertKey = (finding: Pick<AlertFinding, 'kind' | 'subject'>, day: string): string => `${finding.kind}:${finding.subject}:${day}`;

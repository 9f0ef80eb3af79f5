import { KPI_NAMES, kpiNames, kpiUnits, type AlertKind, type KpiName } from '@cakeday/shared';
import type { Alert } from './Alert.model';

const KIND_NAMES: Record<AlertKind, string> = { kpi: 'KPI 低于目标', channelReach: '渠道触达率过低', campaignFailure: '活动失败率过高' };
const CHANNEL_NAMES: Record<string, string> = { wechat: '微信订阅消息', sms: '短信' };

const permille = (value: number): string => `${(value / 10).toFixed(1)}%`;

const kpiOf = (alert: Pick<Alert, 'kind' | 'subject'>): KpiName | null => (alert.kind === 'kpi' ? (KPI_NAMES.find((name) => name === alert.subject) ?? null) : null);

function subjectOf(alert: Pick<Alert, 'kind' | 'subject'>): string {
  const kpi = kpiOf(alert);
  if (kpi) return kpiNames[kpi];
  if (alert.kind === 'channelReach') return CHANNEL_NAMES[alert.subject] ?? alert.subject;
  return `活动 ${alert.subject}`;
}

/** A KPI reads in its own unit (NPS, percentage points); reach and failure rates are shares in thousandths. */
function figure(alert: Pick<Alert, 'kind' | 'subject'>, value: number): string {
  const kpi = kpiOf(alert);
  const unit = kpi ? kpiUnits[kpi] : 'permille';
  if (unit === 'permille') return permille(value);
  return unit === 'points' ? `${value} 个百分点` : String(value);
}

/**
 * The ops group's message for one on-duty operator (企业微信 markdown): what crossed which threshold, on what sample,
 * over which window, and where to acknowledge it. No personal data: figures and the operator's display name only.
 */
export function alertNoticeText(alert: Pick<Alert, 'kind' | 'subject' | 'value' | 'threshold' | 'sample' | 'window'>, operatorName: string): string {
  return [
    `**经营告警：${KIND_NAMES[alert.kind]}**`,
    `> 指标：<font color="warning">${subjectOf(alert)}</font>`,
    `> 观测值：<font color="warning">${figure(alert, alert.value)}</font>（阈值 ${figure(alert, alert.threshold)}，样本 ${alert.sample}）`,
    `> 统计区间：${alert.window.from} 至 ${alert.window.to}`,
    `值班运营 ${operatorName}：请在运营后台「经营洞察 → 告警」查看并确认。`,
  ].join('\n');
}

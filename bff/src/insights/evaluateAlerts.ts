import { ALERT_WINDOW_DAYS, alertFindings, alertKey, analyticsDay, type ProgramSettings } from '@cakeday/shared';
import type { Logger } from '../logger';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { eventKey, recordEvent } from '../events/recordEvent';
import { AlertModel } from './Alert.model';
import { queueAlertNotices } from './queueAlertNotices';
import { readAlertInputs } from './readAlertInputs';

const DAY_MS = 86_400_000;
/** How long a claimed notice is the claimer's before another run may take it over (a crashed run's notice). */
const NOTICE_LEASE_MS = 5 * 60_000;
const NOTICES_PER_RUN = 200;

/** Where tests place a crash: after an alert was recorded, after its operators' notices were queued, after its outbox entry was written. */
export type AlertFaultPoint = 'raised' | 'queued' | 'outbox';
export interface AlertFaults {
  after(point: AlertFaultPoint, key: string): void;
}

const daysBefore = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);

/**
 * The alerts job: judges the last whole business day's window (the 7 days ending yesterday, Shanghai) from the
 * daily rollups, records one alert per threshold crossed (unique key per KPI, channel or campaign per day: a rerun
 * records nothing twice), then notifies the on-duty operators of each alert not yet notified.
 */
export async function evaluateAlerts(context: { now: Date; settings: ProgramSettings; logger?: Logger }, faults?: AlertFaults): Promise<{ raised: number; notified: number }> {
  const day = analyticsDay(new Date(context.now.getTime() - DAY_MS));
  const window = { from: daysBefore(day, ALERT_WINDOW_DAYS - 1), to: day };
  const findings = alertFindings(await readAlertInputs(window, context.settings.insights), context.settings.insights);
  let raised = 0;
  for (const finding of findings) {
    const key = alertKey(finding, day);
    try {
      const written = await AlertModel.updateOne(
        { key },
        { $setOnInsert: { key, ...finding, day, window, state: 'open', raisedAt: context.now, acknowledgedAt: null, acknowledgedBy: null, notice: 'pending', noticeDueAt: context.now, version: 0, auditSeqs: [] } },
        { upsert: true },
      );
      if (written.upsertedCount > 0) {
        raised += 1;
        context.logger?.warn({ alert: key, value: finding.value, threshold: finding.threshold, sample: finding.sample }, 'alert raised');
      }
    } catch (error) {
      // Two instances evaluating the same day: the other one recorded it.
      if (!isDuplicateKeyError(error)) throw error;
    }
    faults?.after('raised', key);
  }
  return { raised, notified: await notifyAlerts(context.now, context.settings.insights.alerts.onDutyOperatorIds, faults) };
}

/**
 * The on-duty notice: each alert not yet notified is claimed by its due time (a lease), a notice is queued for each
 * on-duty operator (queueAlertNotices: unique per alert and operator; deliverAlertNotices posts them), an
 * `alert.raised` entry goes to the event outbox (unique per alert), then the alert is marked notified. A crash in
 * between is finished by the next claim once the lease ends; the unique keys keep every notice and entry single.
 */
export async function notifyAlerts(now: Date, onDutyOperatorIds: readonly string[], faults?: AlertFaults): Promise<number> {
  let notified = 0;
  for (let index = 0; index < NOTICES_PER_RUN; index += 1) {
    const alert = await AlertModel.findOneAndUpdate(
      { notice: 'pending', noticeDueAt: { $lte: now } },
      { $set: { noticeDueAt: new Date(now.getTime() + NOTICE_LEASE_MS) } },
      { sort: { noticeDueAt: 1 }, returnDocument: 'after' },
    ).lean();
    if (!alert) break;
    await queueAlertNotices(alert, onDutyOperatorIds, now);
    faults?.after('queued', alert.key);
    await recordEvent(
      {
        type: 'alert.raised',
        key: eventKey('alert.raised', alert.key),
        at: alert.raisedAt,
        subject: { type: 'alert', id: alert._id.toHexString() },
        props: { kind: alert.kind, subject: alert.subject, day: alert.day, value: alert.value, threshold: alert.threshold, sample: alert.sample },
      },
      now,
    );
    faults?.after('outbox', alert.key);
    await AlertModel.updateOne({ _id: alert._id, notice: 'pending' }, { $set: { notice: 'sent', noticeDueAt: null } });
    notified += 1;
  }
  return notified;
}

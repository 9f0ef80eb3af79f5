import { model, Schema, type Types } from 'mongoose';

export const ALERT_NOTICE_STATES = ['queued', 'sent', 'failed'] as const;
export type AlertNoticeState = (typeof ALERT_NOTICE_STATES)[number];

/**
 * One on-duty operator's notice of one alert, posted to the ops group's 企业微信 robot. `key` (`<alert key>:<operator
 * id>`) is unique: fanning an alert out again (a crash, a rerun) queues nobody twice. It moves queued → sent | failed;
 * `nextAttemptAt` is when a sender may (re)claim a queued notice (its lease, then the retry's backoff). `readAt` is
 * when the operator opened it in the console (the unread badge).
 */
export interface AlertNotice {
  _id: Types.ObjectId;
  key: string;
  alertId: Types.ObjectId;
  operatorId: Types.ObjectId;
  state: AlertNoticeState;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  queuedAt: Date;
  sentAt: Date | null;
  readAt: Date | null;
}

const alertNoticeSchema = new Schema<AlertNotice>(
  {
    key: { type: String, required: true, unique: true },
    alertId: { type: Schema.Types.ObjectId, required: true },
    operatorId: { type: Schema.Types.ObjectId, required: true },
    state: { type: String, enum: ALERT_NOTICE_STATES, required: true, default: 'queued' },
    attempts: { type: Number, required: true, default: 0 },
    nextAttemptAt: { type: Date, default: null },
    lastError: { type: String, default: null },
    queuedAt: { type: Date, required: true },
    sentAt: { type: Date, default: null },
    readAt: { type: Date, default: null },
  },
  { collection: 'alert_notices', versionKey: false },
);
alertNoticeSchema.index({ state: 1, nextAttemptAt: 1 });
alertNoticeSchema.index({ operatorId: 1, readAt: 1 });

export const AlertNoticeModel = model<AlertNotice>('AlertNotice', alertNoticeSchema);

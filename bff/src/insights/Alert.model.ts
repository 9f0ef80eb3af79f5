import { ALERT_KINDS, ALERT_STATES, type AlertKind, type AlertState } from '@cakeday/shared';
import { model, Schema, type Types } from 'mongoose';

/**
 * A threshold crossed on a business day, recorded with what was seen (value, threshold, sample, window). `key`
 * (`kpi:nps:2026-11-28`) is unique: a retried evaluation records nothing twice. The on-duty notice moves
 * pending → sent; `noticeDueAt` is when the notifier may (re)claim it: a crash between writing the outbox entry and
 * marking it sent is finished by the next claim, and the entry's own unique key keeps it single.
 */
export interface Alert {
  _id: Types.ObjectId;
  key: string;
  kind: AlertKind;
  subject: string;
  day: string;
  window: { from: string; to: string };
  value: number;
  threshold: number;
  sample: number;
  state: AlertState;
  raisedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: Types.ObjectId | null;
  notice: 'pending' | 'sent';
  noticeDueAt: Date | null;
  version: number;
  auditSeqs: number[];
}

const alertSchema = new Schema<Alert>(
  {
    key: { type: String, required: true, unique: true },
    kind: { type: String, enum: ALERT_KINDS, required: true },
    subject: { type: String, required: true },
    day: { type: String, required: true },
    window: { from: { type: String, required: true }, to: { type: String, required: true } },
    value: { type: Number, required: true },
    threshold: { type: Number, required: true },
    sample: { type: Number, required: true },
    state: { type: String, enum: ALERT_STATES, required: true, default: 'open' },
    raisedAt: { type: Date, required: true },
    acknowledgedAt: { type: Date, default: null },
    acknowledgedBy: { type: Schema.Types.ObjectId, default: null },
    notice: { type: String, enum: ['pending', 'sent'], required: true, default: 'pending' },
    noticeDueAt: { type: Date, default: null },
    version: { type: Number, required: true, default: 0 },
    auditSeqs: { type: [Number], default: [] },
  },
  { collection: 'alerts', versionKey: false },
);
alertSchema.index({ state: 1, raisedAt: -1 });
alertSchema.index({ notice: 1, noticeDueAt: 1 });

export const AlertModel = model<Alert>('Alert', alertSchema);

import { model, Schema } from 'mongoose';
import { type AUDIT_ACTOR_TYPES, AUDIT_OUTCOMES } from '@cakeday/shared';

export interface AuditActor {
  type: (typeof AUDIT_ACTOR_TYPES)[number];
  id: string;
  name: string;
  roles: string[];
}

/** The fields the hash covers: everything but the outcome, which is settled after the change it records. */
export interface AuditRecord {
  at: string;
  actor: AuditActor;
  action: string;
  subject: { type: string; id: string | null };
  before: unknown;
  after: unknown;
  reason: string | null;
  requestId: string | null;
  ip: string | null;
}

/**
 * An append-only, hash-chained log entry: `_id` is its position (from 1), `hash` = SHA-256 over the previous hash
 * and the canonical JSON of the record. No route edits or deletes entries; only `outcome` moves, once, from pending.
 */
export interface AuditEntry extends AuditRecord {
  _id: number;
  prevHash: string;
  hash: string;
  outcome: (typeof AUDIT_OUTCOMES)[number];
  settledAt: Date | null;
  /** For queries by time (the record's `at` is the hashed ISO string). */
  atDate: Date;
}

const auditEntrySchema = new Schema<AuditEntry>(
  {
    _id: { type: Number, required: true },
    at: { type: String, required: true },
    atDate: { type: Date, required: true },
    actor: { type: Schema.Types.Mixed, required: true },
    action: { type: String, required: true },
    subject: { type: Schema.Types.Mixed, required: true },
    before: { type: Schema.Types.Mixed, default: null },
    after: { type: Schema.Types.Mixed, default: null },
    reason: { type: String, default: null },
    requestId: { type: String, default: null },
    ip: { type: String, default: null },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
    outcome: { type: String, enum: AUDIT_OUTCOMES, required: true },
    settledAt: { type: Date, default: null },
  },
  { collection: 'audit_log', versionKey: false, minimize: false },
);
auditEntrySchema.index({ 'actor.id': 1, _id: -1 });
auditEntrySchema.index({ action: 1, _id: -1 });
auditEntrySchema.index({ 'subject.type': 1, 'subject.id': 1, _id: -1 });
auditEntrySchema.index({ atDate: 1 });

export const AuditEntryModel = model<AuditEntry>('AuditEntry', auditEntrySchema);

/** The chain's head: the last position and hash, moved forward by compare-and-set. */
export interface AuditHead {
  _id: 'head';
  seq: number;
  hash: string;
}

const auditHeadSchema = new Schema<AuditHead>(
  { _id: { type: String, required: true }, seq: { type: Number, required: true }, hash: { type: String, required: true } },
  { collection: 'audit_head', versionKey: false },
);

export const AuditHeadModel = model<AuditHead>('AuditHead', auditHeadSchema);

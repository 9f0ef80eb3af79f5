import { model, Schema, type Types } from 'mongoose';
import { INTEGRATION_KINDS, INTEGRATION_STATUSES, type IntegrationKind, type IntegrationStatus } from '@cakeday/shared';

/**
 * A till's or an online channel's key to the integration API. The secret is kept sealed (AES-256-GCM under a key
 * derived from SESSION_SECRET), not hashed: verifying an HMAC needs the key itself, so a hash of the secret would
 * have to be the signing key and a database reader could sign with it; sealed, they also need the configuration.
 */
export interface Integration {
  _id: Types.ObjectId;
  /** `ck_` + 24 hex: sent in the clear with every request. */
  keyId: string;
  name: string;
  kind: IntegrationKind;
  /** The only store a till may act for; null for an online channel. */
  storeId: Types.ObjectId | null;
  secretSealed: string;
  secretHint: string;
  /** The secret before the last rotation, sealed, signing until previousSecretValidUntil (the overlap); then null. */
  previousSecretSealed?: string | null;
  previousSecretValidUntil?: Date | null;
  rotatedAt?: Date | null;
  status: IntegrationStatus;
  createdAt: Date;
  createdByOperatorId: Types.ObjectId;
  revokedAt: Date | null;
  /** The last accepted request, for the console (written at most once a minute). */
  lastSeenAt: Date | null;
  version: number;
  auditSeqs: number[];
}

const integrationSchema = new Schema<Integration>(
  {
    keyId: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, enum: INTEGRATION_KINDS, required: true },
    storeId: { type: Schema.Types.ObjectId, default: null },
    secretSealed: { type: String, required: true },
    secretHint: { type: String, required: true },
    previousSecretSealed: { type: String, default: null },
    previousSecretValidUntil: { type: Date, default: null },
    rotatedAt: { type: Date, default: null },
    status: { type: String, enum: INTEGRATION_STATUSES, required: true },
    createdAt: { type: Date, required: true },
    createdByOperatorId: { type: Schema.Types.ObjectId, required: true },
    revokedAt: { type: Date, default: null },
    lastSeenAt: { type: Date, default: null },
    version: { type: Number, default: 0 },
    auditSeqs: { type: [Number], default: [] },
  },
  { collection: 'integrations', versionKey: false },
);
integrationSchema.index({ keyId: 1 }, { unique: true });
integrationSchema.index({ status: 1, createdAt: -1 });

export const IntegrationModel = model<Integration>('Integration', integrationSchema);

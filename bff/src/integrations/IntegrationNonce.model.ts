import { model, Schema, type Types } from 'mongoose';

/**
 * A nonce an integration used, kept past the signing window: the unique index refuses its reuse atomically, even
 * from two requests at once. purgeIntegrationNonces removes those older than the window (no TTL on the dev database).
 */
export interface IntegrationNonce {
  _id: Types.ObjectId;
  integrationId: Types.ObjectId;
  nonce: string;
  at: Date;
}

const integrationNonceSchema = new Schema<IntegrationNonce>(
  {
    integrationId: { type: Schema.Types.ObjectId, required: true },
    nonce: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'integration_nonces', versionKey: false },
);
integrationNonceSchema.index({ integrationId: 1, nonce: 1 }, { unique: true, name: 'nonce_once_per_integration' });
integrationNonceSchema.index({ at: 1 });

export const IntegrationNonceModel = model<IntegrationNonce>('IntegrationNonce', integrationNonceSchema);

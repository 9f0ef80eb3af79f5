import { model, Schema, type Types } from 'mongoose';
import { CONSENT_PURPOSES, type ConsentPurpose } from '@cakeday/shared';

/** Append-only: each grant or withdrawal is a new record naming the version of the text shown. */
export interface ConsentRecordDoc {
  _id: Types.ObjectId;
  memberId: Types.ObjectId;
  purpose: ConsentPurpose;
  action: 'grant' | 'withdraw';
  version: string;
  at: Date;
  /** Evidence of the request; personal, so erased when the member is deleted. */
  ip: string | null;
  /** How the member said it: in the app (absent on records written before replies were), or by replying R/TD to an SMS. */
  via?: 'app' | 'sms_reply';
}

const consentSchema = new Schema<ConsentRecordDoc>(
  {
    memberId: { type: Schema.Types.ObjectId, required: true },
    purpose: { type: String, enum: CONSENT_PURPOSES, required: true },
    action: { type: String, enum: ['grant', 'withdraw'], required: true },
    version: { type: String, required: true },
    at: { type: Date, required: true },
    ip: { type: String, default: null },
    via: { type: String, enum: ['app', 'sms_reply'], default: 'app' },
  },
  { collection: 'consents', versionKey: false },
);
consentSchema.index({ memberId: 1, purpose: 1, at: -1 });

export const ConsentModel = model<ConsentRecordDoc>('Consent', consentSchema);

import { model, Schema, type Types } from 'mongoose';

/**
 * One friend's help for one campaign; the unique key makes each friend count once. recorded (the friend helped;
 * their daily slot and the campaign's count may still be missing) → counted (the campaign holds it, and the
 * unlock it may have reached has begun). A recorded assist the campaign can no longer take is deleted and its slot
 * given back. The help.finishUnlocks job finishes assists a crash left recorded.
 */
export interface HelpAssist {
  _id: Types.ObjectId;
  campaignId: Types.ObjectId;
  helperId: Types.ObjectId;
  at: Date;
  state: 'recorded' | 'counted';
}

const helpAssistSchema = new Schema<HelpAssist>(
  {
    campaignId: { type: Schema.Types.ObjectId, required: true },
    helperId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
    state: { type: String, enum: ['recorded', 'counted'], required: true },
  },
  { collection: 'help_assists', versionKey: false },
);
helpAssistSchema.index({ campaignId: 1, helperId: 1 }, { unique: true, name: 'help_assist_once' });
helpAssistSchema.index({ state: 1, at: 1 });

export const HelpAssistModel = model<HelpAssist>('HelpAssist', helpAssistSchema);

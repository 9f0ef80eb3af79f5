import { model, Schema, type Types } from 'mongoose';

/** One friend's help for one campaign; the unique key makes each friend count once. */
export interface HelpAssist {
  _id: Types.ObjectId;
  campaignId: Types.ObjectId;
  helperId: Types.ObjectId;
  at: Date;
}

const helpAssistSchema = new Schema<HelpAssist>(
  {
    campaignId: { type: Schema.Types.ObjectId, required: true },
    helperId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'help_assists', versionKey: false },
);
helpAssistSchema.index({ campaignId: 1, helperId: 1 }, { unique: true, name: 'help_assist_once' });

export const HelpAssistModel = model<HelpAssist>('HelpAssist', helpAssistSchema);

import { COMMENT_STATES } from '@cakeday/shared';
import { model, Schema, type Types } from 'mongoose';
import { storedSentimentSchema, type CommentState, type StoredSentiment } from './Rating.model';

/** A member's answer to the NPS question, once per round (a Shanghai calendar quarter): `key` `<memberId>:<round>`. */
export interface NpsAnswer {
  _id: Types.ObjectId;
  key: string;
  memberId: Types.ObjectId;
  round: string;
  score: number;
  comment: string;
  commentState: CommentState;
  sentiment: StoredSentiment | null;
  /** The campaign delivery whose landing page it was answered from, if any. */
  deliveryId: Types.ObjectId | null;
  createdAt: Date;
  /** The audit entries of moderators' decisions on the comment. */
  auditSeqs?: number[];
}

const npsAnswerSchema = new Schema<NpsAnswer>(
  {
    key: { type: String, required: true },
    memberId: { type: Schema.Types.ObjectId, required: true },
    round: { type: String, required: true },
    score: { type: Number, required: true, min: 0, max: 10 },
    comment: { type: String, default: '' },
    commentState: { type: String, enum: COMMENT_STATES, required: true },
    sentiment: { type: storedSentimentSchema, default: null },
    deliveryId: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, required: true },
    auditSeqs: { type: [Number], default: [] },
  },
  { collection: 'satisfaction_nps', versionKey: false },
);
npsAnswerSchema.index({ key: 1 }, { unique: true });
npsAnswerSchema.index({ memberId: 1, createdAt: -1 });
npsAnswerSchema.index({ commentState: 1, createdAt: -1 });

export const NpsAnswerModel = model<NpsAnswer>('NpsAnswer', npsAnswerSchema);

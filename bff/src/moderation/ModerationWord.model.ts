import { model, Schema, type Types } from 'mongoose';
import type { WordAction } from '@cakeday/shared';

/**
 * A word of the local list checked before WeChat's msgSecCheck: block refuses the text, review holds it for the ops
 * queue, replace stands `replacement` in for it. Deleting keeps the document (deletedAt) so that the audit log's
 * entries still resolve; saving the word again brings it back.
 */
export interface ModerationWord {
  _id: Types.ObjectId;
  word: string;
  action: WordAction;
  replacement: string | null;
  deletedAt: Date | null;
  version: number;
  auditSeqs: number[];
  createdAt: Date;
  updatedAt: Date;
}

const moderationWordSchema = new Schema<ModerationWord>(
  {
    word: { type: String, required: true },
    action: { type: String, enum: ['block', 'review', 'replace'], required: true },
    replacement: { type: String, default: null },
    deletedAt: { type: Date, default: null },
    version: { type: Number, required: true, default: 0 },
    auditSeqs: { type: [Number], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'moderation_words', versionKey: false },
);
moderationWordSchema.index({ word: 1 }, { unique: true });

export const ModerationWordModel = model<ModerationWord>('ModerationWord', moderationWordSchema);

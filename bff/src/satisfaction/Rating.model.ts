import { model, Schema, type Types } from 'mongoose';
import { COMMENT_STATES, RATED_SUBJECTS, SENTIMENT_CLASSES, type CommentState, type RatedSubject, type SentimentClass } from '@cakeday/shared';

export type { CommentState };

/** What the lexicon made of a comment (shared/src/satisfaction/sentiment.rules.ts); null without one. */
export interface StoredSentiment {
  score: number;
  class: SentimentClass;
  complaints: string[];
}

export const storedSentimentSchema = new Schema<StoredSentiment>(
  { score: { type: Number, required: true }, class: { type: String, enum: SENTIMENT_CLASSES, required: true }, complaints: { type: [String], default: [] } },
  { _id: false },
);

/**
 * A member's rating of a fulfilled order or a write-off of theirs. `key` (`<memberId>:<type>:<id>`) is unique: one
 * rating per subject. The comment went through the word list and msgSecCheck; one held for review is not counted as
 * published until a moderator decides, but its stars and sentiment count.
 */
export interface Rating {
  _id: Types.ObjectId;
  key: string;
  memberId: Types.ObjectId;
  subject: { type: RatedSubject; id: string };
  stars: number;
  comment: string;
  commentState: CommentState;
  sentiment: StoredSentiment | null;
  createdAt: Date;
  /** The audit entries of moderators' decisions on the comment. */
  auditSeqs?: number[];
}

const ratingSchema = new Schema<Rating>(
  {
    key: { type: String, required: true },
    memberId: { type: Schema.Types.ObjectId, required: true },
    subject: { type: new Schema({ type: { type: String, enum: RATED_SUBJECTS, required: true }, id: { type: String, required: true } }, { _id: false }), required: true },
    stars: { type: Number, required: true, min: 1, max: 5 },
    comment: { type: String, default: '' },
    commentState: { type: String, enum: COMMENT_STATES, required: true },
    sentiment: { type: storedSentimentSchema, default: null },
    createdAt: { type: Date, required: true },
    auditSeqs: { type: [Number], default: [] },
  },
  { collection: 'satisfaction_ratings', versionKey: false },
);
ratingSchema.index({ key: 1 }, { unique: true });
ratingSchema.index({ memberId: 1, createdAt: -1 });
ratingSchema.index({ commentState: 1, createdAt: -1 });

export const RatingModel = model<Rating>('Rating', ratingSchema);

export const ratingKey = (memberId: string, subject: { type: RatedSubject; id: string }): string => `${memberId}:${subject.type}:${subject.id}`;

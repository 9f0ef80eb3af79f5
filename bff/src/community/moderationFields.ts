import { Schema } from 'mongoose';
import { CONTENT_STATES, REVIEW_REASONS, type ContentState, type ReviewReason } from '@cakeday/shared';
import type { TextVerdict } from '../moderation/moderateText';

/** One move of a post or comment, kept on it: who (an operator's name, or null for the system), why, when. */
export interface ModerationMove {
  from: ContentState;
  to: ContentState;
  by: string | null;
  reason: string | null;
  at: Date;
}

/** What posts and comments share: their state, why they are queued, the text's verdict, reports, audit. */
export interface ModeratedContent {
  state: ContentState;
  reviewReasons: ReviewReason[];
  textVerdict: TextVerdict | null;
  /** The sum of open reports' weights (community.rules reportWeight); reset when a moderator decides. */
  reportWeight: number;
  history: ModerationMove[];
  auditSeqs: number[];
  createdAt: Date;
  updatedAt: Date;
}

export const textVerdictSchema = new Schema<TextVerdict>(
  {
    source: { type: String, enum: ['word_list', 'wechat', 'unchecked'], required: true },
    suggest: { type: String, enum: ['pass', 'review', 'risky', null], default: null },
    label: { type: Number, default: null },
    traceId: { type: String, default: null },
    words: { type: [String], default: [] },
  },
  { _id: false },
);

export const moderationMoveSchema = new Schema<ModerationMove>(
  {
    from: { type: String, enum: CONTENT_STATES, required: true },
    to: { type: String, enum: CONTENT_STATES, required: true },
    by: { type: String, default: null },
    reason: { type: String, default: null },
    at: { type: Date, required: true },
  },
  { _id: false },
);

export const moderatedContentFields = {
  state: { type: String, enum: CONTENT_STATES, required: true },
  reviewReasons: { type: [String], enum: REVIEW_REASONS, default: (): ReviewReason[] => [] },
  textVerdict: { type: textVerdictSchema, default: null },
  reportWeight: { type: Number, required: true, default: 0 },
  history: { type: [moderationMoveSchema], default: (): ModerationMove[] => [] },
  auditSeqs: { type: [Number], default: (): number[] => [] },
  createdAt: { type: Date, required: true },
  updatedAt: { type: Date, required: true },
};

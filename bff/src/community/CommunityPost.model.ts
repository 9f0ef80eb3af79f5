import { model, Schema, type Types } from 'mongoose';
import { moderatedContentFields, type ModeratedContent } from './moderationFields';

/**
 * A member's post. Its photos are CommunityPhoto documents (in `photoIds` order). `likeCount` and `commentCount`
 * move only through applyPostCounter, whose operation keys (`counterOps`, the last 200) make each change count
 * once; `hotScore` follows them (community.rules hotScore).
 */
export interface CommunityPost extends ModeratedContent {
  _id: Types.ObjectId;
  authorId: Types.ObjectId;
  /** `<authorId>:<idempotencyKey>`: one post per submit. */
  createKey: string;
  text: string;
  topicCode: string | null;
  photoIds: Types.ObjectId[];
  likeCount: number;
  commentCount: number;
  hotScore: number;
  counterOps: string[];
  /** While pending: when the photos' verdicts are due; after it the timeout job sends the post to the queue. */
  verdictDueAt: Date | null;
  publishedAt: Date | null;
}

const communityPostSchema = new Schema<CommunityPost>(
  {
    authorId: { type: Schema.Types.ObjectId, required: true },
    createKey: { type: String, required: true },
    text: { type: String, default: '' },
    topicCode: { type: String, default: null },
    photoIds: { type: [Schema.Types.ObjectId], default: [] },
    likeCount: { type: Number, required: true, default: 0 },
    commentCount: { type: Number, required: true, default: 0 },
    hotScore: { type: Number, required: true, default: 0 },
    counterOps: { type: [String], default: [] },
    verdictDueAt: { type: Date, default: null },
    publishedAt: { type: Date, default: null },
    ...moderatedContentFields,
  },
  { collection: 'community_posts', versionKey: false },
);
communityPostSchema.index({ createKey: 1 }, { unique: true });
// The feeds: newest, by topic, and 热门 (within a window of days); the author's own; the queue; the timeout job.
communityPostSchema.index({ state: 1, createdAt: -1, _id: -1 });
communityPostSchema.index({ state: 1, topicCode: 1, createdAt: -1, _id: -1 });
communityPostSchema.index({ state: 1, hotScore: -1, _id: -1 });
communityPostSchema.index({ authorId: 1, createdAt: -1 });
communityPostSchema.index({ state: 1, verdictDueAt: 1 });

export const CommunityPostModel = model<CommunityPost>('CommunityPost', communityPostSchema);

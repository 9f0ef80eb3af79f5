import { model, Schema, type Types } from 'mongoose';
import { moderatedContentFields, type ModeratedContent } from './moderationFields';

/**
 * A comment, one level deep: a reply names its thread (`parentId`, a top-level comment) and whom it answers.
 * Whether it counts in its post's commentCount follows its state (published); a move that changes that sets
 * `countPending` and bumps `countSeq` in the same write, then the post is counted by the key
 * `<commentId>:c<countSeq>` (once), then `countPending` clears. A crash in between is finished by repair.
 */
export interface CommunityComment extends ModeratedContent {
  _id: Types.ObjectId;
  postId: Types.ObjectId;
  postAuthorId: Types.ObjectId;
  authorId: Types.ObjectId;
  createKey: string;
  parentId: Types.ObjectId | null;
  replyToMemberId: Types.ObjectId | null;
  text: string;
  countSeq: number;
  countPending: boolean;
}

const communityCommentSchema = new Schema<CommunityComment>(
  {
    postId: { type: Schema.Types.ObjectId, required: true },
    postAuthorId: { type: Schema.Types.ObjectId, required: true },
    authorId: { type: Schema.Types.ObjectId, required: true },
    createKey: { type: String, required: true },
    parentId: { type: Schema.Types.ObjectId, default: null },
    replyToMemberId: { type: Schema.Types.ObjectId, default: null },
    text: { type: String, required: true },
    countSeq: { type: Number, required: true, default: 0 },
    countPending: { type: Boolean, required: true, default: false },
    ...moderatedContentFields,
  },
  { collection: 'community_comments', versionKey: false },
);
communityCommentSchema.index({ createKey: 1 }, { unique: true });
communityCommentSchema.index({ postId: 1, createdAt: 1, _id: 1 });
communityCommentSchema.index({ authorId: 1, createdAt: -1 });
communityCommentSchema.index({ state: 1, updatedAt: -1 });
communityCommentSchema.index({ countPending: 1, updatedAt: 1 });

export const CommunityCommentModel = model<CommunityComment>('CommunityComment', communityCommentSchema);

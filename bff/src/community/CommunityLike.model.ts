import { model, Schema, type Types } from 'mongoose';

/**
 * One member's like of one post, keyed `<postId>:<memberId>` (so a second like is the same document). Each flip
 * bumps `seq` and sets `pending` in one conditional write (only from the other state, and only once the previous
 * flip is counted); the post is then counted by the key `<_id>:<seq>` (once), then `pending` clears.
 */
export interface CommunityLike {
  _id: string;
  postId: Types.ObjectId;
  memberId: Types.ObjectId;
  active: boolean;
  seq: number;
  pending: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const communityLikeSchema = new Schema<CommunityLike>(
  {
    _id: { type: String, required: true },
    postId: { type: Schema.Types.ObjectId, required: true },
    memberId: { type: Schema.Types.ObjectId, required: true },
    active: { type: Boolean, required: true },
    seq: { type: Number, required: true },
    pending: { type: Boolean, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'community_likes', versionKey: false },
);
communityLikeSchema.index({ memberId: 1 });
communityLikeSchema.index({ pending: 1, updatedAt: 1 });

export const likeIdOf = (postId: Types.ObjectId, memberId: Types.ObjectId): string => `${postId.toHexString()}:${memberId.toHexString()}`;

export const CommunityLikeModel = model<CommunityLike>('CommunityLike', communityLikeSchema);

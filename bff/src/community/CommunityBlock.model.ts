import { model, Schema, type Types } from 'mongoose';

/** A member's block of an author: the author's posts and comments leave the member's community. */
export interface CommunityBlock {
  _id: Types.ObjectId;
  /** `<blockerId>:<blockedId>`. */
  key: string;
  blockerId: Types.ObjectId;
  blockedId: Types.ObjectId;
  createdAt: Date;
}

const communityBlockSchema = new Schema<CommunityBlock>(
  {
    key: { type: String, required: true },
    blockerId: { type: Schema.Types.ObjectId, required: true },
    blockedId: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'community_blocks', versionKey: false },
);
communityBlockSchema.index({ key: 1 }, { unique: true });
communityBlockSchema.index({ blockerId: 1, createdAt: -1 });
communityBlockSchema.index({ blockedId: 1 });

/** At most this many blocks count in a feed query (the $nin stays bounded). */
export const BLOCKS_MAX = 500;

export const CommunityBlockModel = model<CommunityBlock>('CommunityBlock', communityBlockSchema);

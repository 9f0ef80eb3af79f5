import { model, Schema, type Types } from 'mongoose';

/** WeChat's verdict on one photo: unsent until the post is made, requested until the push arrives. */
export interface PhotoCheck {
  state: 'unsent' | 'requested' | 'pass' | 'review' | 'risky' | 'failed';
  label: number | null;
  traceId: string | null;
  requestedAt: Date | null;
  verdictAt: Date | null;
}

/**
 * A photo a member uploaded: re-encoded JPEGs (thumb and display, no metadata) in the photo store under
 * `<_id>/<size>.jpg`. Attached to at most one post (`postId`, set once by community.create).
 */
export interface CommunityPhoto {
  _id: Types.ObjectId;
  /** Its public address (communityPhotoPath): 128 random bits, unique; the _id is never served. */
  urlToken: string;
  ownerId: Types.ObjectId;
  postId: Types.ObjectId | null;
  width: number;
  height: number;
  bytes: number;
  check: PhotoCheck;
  createdAt: Date;
}

const photoCheckSchema = new Schema<PhotoCheck>(
  {
    state: { type: String, enum: ['unsent', 'requested', 'pass', 'review', 'risky', 'failed'], required: true },
    label: { type: Number, default: null },
    traceId: { type: String, default: null },
    requestedAt: { type: Date, default: null },
    verdictAt: { type: Date, default: null },
  },
  { _id: false },
);

const communityPhotoSchema = new Schema<CommunityPhoto>(
  {
    urlToken: { type: String, required: true },
    ownerId: { type: Schema.Types.ObjectId, required: true },
    postId: { type: Schema.Types.ObjectId, default: null },
    width: { type: Number, required: true },
    height: { type: Number, required: true },
    bytes: { type: Number, required: true },
    check: { type: photoCheckSchema, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'community_photos', versionKey: false },
);
communityPhotoSchema.index({ urlToken: 1 }, { unique: true });
communityPhotoSchema.index({ ownerId: 1, createdAt: -1 });
communityPhotoSchema.index({ postId: 1 });

export const CommunityPhotoModel = model<CommunityPhoto>('CommunityPhoto', communityPhotoSchema);

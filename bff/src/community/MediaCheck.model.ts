import { model, Schema, type Types } from 'mongoose';

/**
 * The meeting point of a mediaCheckAsync request and its pushed verdict, keyed by WeChat's trace_id: whichever
 * arrives first creates it, the second completes it, and either then settles the photo (settleMediaCheck). WeChat
 * does not echo the URL back, so this is how a verdict finds its photo and post.
 */
export interface MediaCheck {
  _id: string;
  photoId: Types.ObjectId | null;
  postId: Types.ObjectId | null;
  verdict: { suggest: 'pass' | 'review' | 'risky'; label: number | null } | null;
  requestedAt: Date | null;
  verdictAt: Date | null;
}

const mediaCheckSchema = new Schema<MediaCheck>(
  {
    _id: { type: String, required: true },
    photoId: { type: Schema.Types.ObjectId, default: null },
    postId: { type: Schema.Types.ObjectId, default: null },
    verdict: {
      type: new Schema({ suggest: { type: String, enum: ['pass', 'review', 'risky'] }, label: { type: Number, default: null } }, { _id: false }),
      default: null,
    },
    requestedAt: { type: Date, default: null },
    verdictAt: { type: Date, default: null },
  },
  { collection: 'community_media_checks', versionKey: false },
);
mediaCheckSchema.index({ photoId: 1 });

export const MediaCheckModel = model<MediaCheck>('MediaCheck', mediaCheckSchema);

import { model, Schema, type Types } from 'mongoose';

/** A topic ops keep (#晒生日#): members pick an active one when posting, the feed filters by it. */
export interface CommunityTopic {
  _id: Types.ObjectId;
  code: string;
  name: string;
  description: string | null;
  active: boolean;
  sort: number;
  version: number;
  auditSeqs: number[];
  createdAt: Date;
  updatedAt: Date;
}

const communityTopicSchema = new Schema<CommunityTopic>(
  {
    code: { type: String, required: true },
    name: { type: String, required: true },
    description: { type: String, default: null },
    active: { type: Boolean, required: true, default: true },
    sort: { type: Number, required: true, default: 100 },
    version: { type: Number, required: true, default: 0 },
    auditSeqs: { type: [Number], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'community_topics', versionKey: false },
);
communityTopicSchema.index({ code: 1 }, { unique: true });

export const CommunityTopicModel = model<CommunityTopic>('CommunityTopic', communityTopicSchema);

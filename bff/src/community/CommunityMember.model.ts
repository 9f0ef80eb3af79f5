import { model, Schema, type Types } from 'mongoose';

/** A member's standing in the community, kept by moderators: muted until an instant (writing refused meanwhile). */
export interface CommunityMember {
  /** The member's id. */
  _id: Types.ObjectId;
  mutedUntil: Date | null;
  auditSeqs: number[];
  updatedAt: Date;
}

const communityMemberSchema = new Schema<CommunityMember>(
  {
    mutedUntil: { type: Date, default: null },
    auditSeqs: { type: [Number], default: [] },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'community_members', versionKey: false },
);

export const CommunityMemberModel = model<CommunityMember>('CommunityMember', communityMemberSchema);

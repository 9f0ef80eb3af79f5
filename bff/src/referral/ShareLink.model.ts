import { model, Schema, type Types } from 'mongoose';
import { SHARE_KINDS, type ShareKind } from '@cakeday/shared';

/**
 * One share a member made (wishlist, help card, invite). Friends open it by its id; its date bounds the
 * referral window, so a new share id is made when the last one is more than a day old.
 */
export interface ShareLink {
  _id: string;
  memberId: Types.ObjectId;
  kind: ShareKind;
  /** The shared thing: the help campaign's id; the owner's id for a wishlist or an invite. */
  targetId: string;
  createdAt: Date;
}

const shareLinkSchema = new Schema<ShareLink>(
  {
    _id: { type: String, required: true },
    memberId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: SHARE_KINDS, required: true },
    targetId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'share_links', versionKey: false },
);
shareLinkSchema.index({ memberId: 1, kind: 1, createdAt: -1 });

export const ShareLinkModel = model<ShareLink>('ShareLink', shareLinkSchema);

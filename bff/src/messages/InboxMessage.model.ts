import { model, Schema, type Types } from 'mongoose';

/**
 * A message in the member's 消息中心: every campaign delivery lands here (with or without a subscription message),
 * so nothing is lost when WeChat's quota is used up. `key` (the delivery's) makes it land once.
 */
export interface InboxMessage {
  _id: Types.ObjectId;
  memberId: Types.ObjectId;
  key: string;
  title: string;
  lines: { label: string; value: string }[];
  /** The landing page with the delivery in its query. */
  page: string;
  createdAt: Date;
  readAt: Date | null;
}

const inboxMessageSchema = new Schema<InboxMessage>(
  {
    memberId: { type: Schema.Types.ObjectId, required: true },
    key: { type: String, required: true },
    title: { type: String, required: true },
    lines: { type: [new Schema({ label: String, value: String }, { _id: false })], default: [] },
    page: { type: String, required: true },
    createdAt: { type: Date, required: true },
    readAt: { type: Date, default: null },
  },
  { collection: 'inbox_messages', versionKey: false },
);
inboxMessageSchema.index({ key: 1 }, { unique: true });
inboxMessageSchema.index({ memberId: 1, createdAt: -1 });

export const InboxMessageModel = model<InboxMessage>('InboxMessage', inboxMessageSchema);

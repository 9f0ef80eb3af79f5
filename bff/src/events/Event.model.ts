import { model, Schema, type Types } from 'mongoose';
import { CLIENT_EVENT_TYPES, SERVER_EVENT_TYPES, type EventType } from '@cakeday/shared';

/**
 * The append-only event outbox. `key` is unique: a server event's key names what it records
 * (`order.fulfilled:<orderId>`), a client event's is `client:<memberOrAnon>:<clientEventId>`; writing the same
 * fact twice writes nothing. Events are never edited; consumers keep their own checkpoints (EventCheckpoint).
 */
export interface StoredEvent {
  _id: Types.ObjectId;
  key: string;
  type: EventType;
  /** When it happened (the command's now, or the client's clock for client events, clamped). */
  at: Date;
  /** When it was written: what consumers read in order. */
  recordedAt: Date;
  source: 'server' | 'client';
  memberId: Types.ObjectId | null;
  /** What it is about (`order`, `campaign`…), for joins without parsing the key. */
  subject: { type: string; id: string } | null;
  props: Record<string, string | number | boolean | null>;
}

const eventSchema = new Schema<StoredEvent>(
  {
    key: { type: String, required: true },
    type: { type: String, enum: [...SERVER_EVENT_TYPES, ...CLIENT_EVENT_TYPES], required: true },
    at: { type: Date, required: true },
    recordedAt: { type: Date, required: true },
    source: { type: String, enum: ['server', 'client'], required: true },
    memberId: { type: Schema.Types.ObjectId, default: null },
    subject: { type: Schema.Types.Mixed, default: null },
    props: { type: Schema.Types.Mixed, default: {} },
  },
  { collection: 'events', versionKey: false, minimize: false },
);
eventSchema.index({ key: 1 }, { unique: true });
eventSchema.index({ recordedAt: 1, _id: 1 });
eventSchema.index({ memberId: 1, at: -1 });
eventSchema.index({ type: 1, at: 1 });

export const EventModel = model<StoredEvent>('Event', eventSchema);

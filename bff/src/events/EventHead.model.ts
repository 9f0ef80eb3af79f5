import { model, Schema } from 'mongoose';

/**
 * How many writes the event outbox has been told of, in a few stripes (`_id` 0…n-1) so that no single document takes
 * every event's update. A write is counted before its event is inserted; a consumer that has read everything and
 * finds the sum unchanged has nothing new to read (see eventHead.ts).
 */
export interface EventHead {
  _id: number;
  writes: number;
  /** The latest `recordedAt` announced in this stripe. */
  lastRecordedAt: Date;
}

const eventHeadSchema = new Schema<EventHead>(
  {
    _id: { type: Number, required: true },
    writes: { type: Number, required: true },
    lastRecordedAt: { type: Date, required: true },
  },
  { collection: 'event_heads', versionKey: false },
);

export const EventHeadModel = model<EventHead>('EventHead', eventHeadSchema);

import { model, Schema, type Types } from 'mongoose';

/** Where one consumer has read the event outbox to (by recordedAt, then _id). */
export interface EventCheckpoint {
  _id: string;
  recordedAt: Date;
  eventId: Types.ObjectId | null;
  updatedAt: Date;
}

const eventCheckpointSchema = new Schema<EventCheckpoint>(
  {
    _id: { type: String, required: true },
    recordedAt: { type: Date, required: true },
    eventId: { type: Schema.Types.ObjectId, default: null },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'event_checkpoints', versionKey: false },
);

export const EventCheckpointModel = model<EventCheckpoint>('EventCheckpoint', eventCheckpointSchema);

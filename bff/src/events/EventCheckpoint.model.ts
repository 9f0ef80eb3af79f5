import { model, Schema, type Types } from 'mongoose';

/** Where one consumer has read the event outbox to (by recordedAt, then _id). */
export interface EventCheckpoint {
  _id: string;
  recordedAt: Date;
  eventId: Types.ObjectId | null;
  /**
   * Set by a run that read every settled event: the outbox head's write count it saw before reading, and its position
   * then. While both still hold (no write announced since, the checkpoint not moved by anyone), the next run has
   * nothing to read and does not query the outbox. Absent: read the outbox.
   */
  caughtUp?: { writes: number; eventId: Types.ObjectId | null } | null;
  updatedAt: Date;
}

const eventCheckpointSchema = new Schema<EventCheckpoint>(
  {
    _id: { type: String, required: true },
    recordedAt: { type: Date, required: true },
    eventId: { type: Schema.Types.ObjectId, default: null },
    caughtUp: { type: new Schema({ writes: { type: Number, required: true }, eventId: { type: Schema.Types.ObjectId, default: null } }, { _id: false }), default: null },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'event_checkpoints', versionKey: false },
);

export const EventCheckpointModel = model<EventCheckpoint>('EventCheckpoint', eventCheckpointSchema);

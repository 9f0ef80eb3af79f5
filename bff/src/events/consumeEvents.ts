import type { EventType } from '@cakeday/shared';
import { EventCheckpointModel } from './EventCheckpoint.model';
import { EventModel, type StoredEvent } from './Event.model';

export interface EventConsumer {
  /** Unique: names its checkpoint. */
  name: string;
  /** The types it reads; others are skipped (the checkpoint still moves past them). */
  types: readonly EventType[];
  /** Must be idempotent: after a crash the last event is handed over again. */
  handle(event: StoredEvent): Promise<void>;
}

/**
 * Events written less than this long ago are left for the next run: an event can be recorded with a slightly
 * earlier `recordedAt` than one already written (the clocks of several instances, a slow insert), and a consumer
 * that had moved past it would never see it.
 */
export const EVENT_SETTLE_MS = 30_000;

/**
 * Hands the consumer the events after its checkpoint, oldest first (recordedAt, then _id), in batches, and moves the
 * checkpoint after each one. Run it from a job (one lease holder at a time). A handler that throws stops the run
 * there; the next run starts again at that event. `maxEvents` ends a run after reading that many events, so that a
 * long backlog is worked off over several runs, each well within the job's lease.
 */
export async function consumeEvents(consumer: EventConsumer, context: { now: Date; maxEvents?: number }, batchSize = 500): Promise<{ handled: number }> {
  const until = new Date(context.now.getTime() - EVENT_SETTLE_MS);
  const start = await EventCheckpointModel.findById(consumer.name).lean();
  let position = start ? { recordedAt: start.recordedAt, eventId: start.eventId } : null;
  let handled = 0;
  let read = 0;
  const maxEvents = context.maxEvents ?? Number.POSITIVE_INFINITY;
  for (;;) {
    // The range on recordedAt bounds the { recordedAt, _id } index scan from the checkpoint on (an $or alone under an
    // $and could leave the index scanned from its start); the $or only drops the events of the checkpoint's instant
    // already handled.
    const after = position?.eventId ? { recordedAt: { $gte: position.recordedAt, $lte: until }, $or: [{ recordedAt: { $gt: position.recordedAt } }, { _id: { $gt: position.eventId } }] } : { recordedAt: { $lte: until } };
    const batch = await EventModel.find(after)
      .sort({ recordedAt: 1, _id: 1 })
      .limit(Math.min(batchSize, maxEvents - read))
      .lean();
    for (const event of batch) {
      read += 1;
      if (consumer.types.includes(event.type)) {
        await consumer.handle(event);
        handled += 1;
      }
      await EventCheckpointModel.updateOne(
        { _id: consumer.name },
        { $set: { recordedAt: event.recordedAt, eventId: event._id, updatedAt: context.now } },
        { upsert: true },
      );
      position = { recordedAt: event.recordedAt, eventId: event._id };
    }
    if (batch.length < batchSize || read >= maxEvents) return { handled };
  }
}

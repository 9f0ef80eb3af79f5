import type { EventType } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { EventCheckpointModel } from './EventCheckpoint.model';
import { EventModel, type StoredEvent } from './Event.model';
import { readEventHead } from './eventHead';

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
 *
 * A run that finds the outbox's head as the last complete run left it returns at once: on a database without
 * secondary indexes (the dev database) the outbox query scans every event, a million of them in the benchmark, each
 * minute for each consumer.
 */
export async function consumeEvents(consumer: EventConsumer, context: { now: Date; maxEvents?: number }, batchSize = 500): Promise<{ handled: number }> {
  const until = new Date(context.now.getTime() - EVENT_SETTLE_MS);
  // Read before the outbox: a write announced after this changes the head the next run compares.
  const head = await readEventHead();
  const start = await EventCheckpointModel.findById(consumer.name).lean();
  if (start?.caughtUp && start.caughtUp.writes === head.writes && sameEvent(start.caughtUp.eventId, start.eventId)) return { handled: 0 };
  let position = start ? { recordedAt: start.recordedAt, eventId: start.eventId } : null;
  let handled = 0;
  let read = 0;
  const maxEvents = context.maxEvents ?? Number.POSITIVE_INFINITY;
  for (;;) {
    // The range on recordedAt bounds the { recordedAt, _id } index scan from the checkpoint on (an $or alone under an
    // $and could leave the index scanned from its start); the $or only drops the events of the checkpoint's instant
    // already handled.
    const after = position?.eventId ? { recordedAt: { $gte: position.recordedAt, $lte: until }, $or: [{ recordedAt: { $gt: position.recordedAt } }, { _id: { $gt: position.eventId } }] } : { recordedAt: { $lte: until } };
    const limit = Math.min(batchSize, maxEvents - read);
    const batch = await EventModel.find(after).sort({ recordedAt: 1, _id: 1 }).limit(limit).lean();
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
    const exhausted = batch.length < limit;
    if (exhausted && (head.lastRecordedAt === null || head.lastRecordedAt <= until)) {
      // Everything announced was settled and has been read: until the head moves, there is nothing to read.
      await EventCheckpointModel.updateOne(
        { _id: consumer.name },
        { $set: { caughtUp: { writes: head.writes, eventId: position?.eventId ?? null }, updatedAt: context.now }, $setOnInsert: { recordedAt: new Date(0), eventId: null } },
        { upsert: true },
      );
      return { handled };
    }
    if (exhausted || read >= maxEvents) return { handled };
  }
}

const sameEvent = (a: Types.ObjectId | null | undefined, b: Types.ObjectId | null | undefined): boolean => (a && b ? a.equals(b) : !a && !b);

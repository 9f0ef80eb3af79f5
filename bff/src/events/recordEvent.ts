import type { ServerEventType } from '@cakeday/shared';
import { Types } from 'mongoose';
import { isDuplicateKeyError, isOnlyDuplicateKeyErrors } from '../db/duplicateKey';
import { EventModel, type StoredEvent } from './Event.model';
import { announceEventWrites } from './eventHead';

export interface EventDraft {
  type: ServerEventType;
  /** Unique per fact: `<type>:<what it is about>` (`order.fulfilled:<orderId>`, `benefit.claimed:<claimId>`). */
  key: string;
  at: Date;
  memberId?: string | Types.ObjectId | null;
  subject?: { type: string; id: string } | null;
  /** Ids, amounts and codes only: never names, phones or texts members wrote. */
  props?: Record<string, string | number | boolean | null>;
}

export type EventDocument = Omit<StoredEvent, '_id'>;

export const eventKey = (type: ServerEventType, ...about: string[]): string => [type, ...about].join(':');

const serverEventOf = (draft: EventDraft, now: Date): EventDocument => ({
  key: draft.key,
  type: draft.type,
  at: draft.at,
  recordedAt: now,
  source: 'server',
  memberId: draft.memberId ? new Types.ObjectId(String(draft.memberId)) : null,
  subject: draft.subject ?? null,
  props: draft.props ?? {},
});

/**
 * Every write to the outbox goes through here or insertEvents: the write is announced to the outbox's head first,
 * which is what lets a caught-up consumer skip reading the outbox (consumeEvents). Returns false for a fact already
 * recorded (its unique key refused it).
 */
export async function insertEvent(document: EventDocument): Promise<boolean> {
  await announceEventWrites([document.key], document.recordedAt);
  try {
    await EventModel.create(document);
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/** Many events at once, each once: an unordered insert whose duplicates (facts already recorded) are ignored. */
export async function insertEvents(documents: readonly EventDocument[]): Promise<void> {
  if (documents.length === 0) return;
  const newest = documents.reduce((latest, document) => (document.recordedAt > latest ? document.recordedAt : latest), documents[0]!.recordedAt);
  await announceEventWrites(
    documents.map((document) => document.key),
    newest,
  );
  try {
    await EventModel.insertMany(documents, { ordered: false });
  } catch (error) {
    if (!isOnlyDuplicateKeyErrors(error)) throw error;
  }
}

/**
 * Records a fact, once: a command calls it as one of its idempotent steps (after the state change it reports, with
 * a key derived from that change), so a retried or repaired command writes no second event. Returns whether this
 * call wrote it.
 */
export async function recordEvent(draft: EventDraft, now: Date = draft.at): Promise<boolean> {
  return insertEvent(serverEventOf(draft, now));
}

/**
 * Records many facts at once, each once (the duplicates of facts already recorded are refused by the unique key and
 * ignored). For steps that settle work in batches (campaign deliveries' outcomes).
 */
export async function recordEvents(drafts: readonly EventDraft[], now: Date): Promise<void> {
  await insertEvents(drafts.map((draft) => serverEventOf(draft, now)));
}

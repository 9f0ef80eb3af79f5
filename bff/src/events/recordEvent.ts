import type { ServerEventType } from '@cakeday/shared';
import { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { EventModel } from './Event.model';

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

export const eventKey = (type: ServerEventType, ...about: string[]): string => [type, ...about].join(':');

/**
 * Records a fact, once: a command calls it as one of its idempotent steps (after the state change it reports, with
 * a key derived from that change), so a retried or repaired command writes no second event. Returns whether this
 * call wrote it.
 */
export async function recordEvent(draft: EventDraft, now: Date = draft.at): Promise<boolean> {
  try {
    await EventModel.create({
      key: draft.key,
      type: draft.type,
      at: draft.at,
      recordedAt: now,
      source: 'server',
      memberId: draft.memberId ? new Types.ObjectId(String(draft.memberId)) : null,
      subject: draft.subject ?? null,
      props: draft.props ?? {},
    });
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/**
 * Records many facts at once, each once (an unordered insert: the duplicates of facts already recorded are refused
 * by the unique key and ignored). For steps that settle work in batches (campaign deliveries' outcomes).
 */
export async function recordEvents(drafts: readonly EventDraft[], now: Date): Promise<void> {
  if (drafts.length === 0) return;
  const documents = drafts.map((draft) => ({
    key: draft.key,
    type: draft.type,
    at: draft.at,
    recordedAt: now,
    source: 'server' as const,
    memberId: draft.memberId ? new Types.ObjectId(String(draft.memberId)) : null,
    subject: draft.subject ?? null,
    props: draft.props ?? {},
  }));
  try {
    await EventModel.insertMany(documents, { ordered: false });
  } catch (error) {
    const writeErrors = (error as { writeErrors?: unknown[] }).writeErrors;
    const onlyDuplicates = Array.isArray(writeErrors) ? writeErrors.every((writeError) => isDuplicateKeyError(writeError) || isDuplicateKeyError((writeError as { err?: unknown }).err)) : isDuplicateKeyError(error);
    if (!onlyDuplicates) throw error;
  }
}

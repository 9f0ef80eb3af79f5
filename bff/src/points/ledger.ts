/**
 * The points ledger, kept without multi-document transactions.
 *
 * Two kinds of document: the append-only `points_entries` (one per change, unique `key` = the caller's
 * idempotency key) and one `points_accounts` document per member (balance + live lots, versioned).
 * Every change goes through the same three writes:
 *   1. insert the entry as `pending` (a duplicate key means "this request again": continue with the stored one);
 *   2. apply it to the account by compare-and-set on `version`, and in the same write push
 *      `{entryId, delta, allocations}` onto the account's `pending` list;
 *   3. mark the entry `applied` with that delta, then pull it from the account's `pending` list.
 * Crash repair: a crash after (1) leaves a pending entry that was never applied; after (2) the account
 * names the entry in `pending`, so it is not applied twice; after (3a) only the pull is left. Re-running
 * the same command (same key) or `repairPointsLedger` (the sweep) finishes every case from what is stored,
 * because an entry's effect is computed only from the entry and the account it is applied to.
 * Reading order matters for duplicates running at once: read the account, then the entry, then write
 * with the account's version — an entry applied in between either bumped the version or is seen as applied.
 * So at every moment: balance = sum of applied entries' deltas + deltas of entries named in `pending`.
 */
import type { Types } from 'mongoose';
import { conflict, unavailable } from '../errors/AppError';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { PointsAccountModel, type PendingApplication } from './PointsAccount.model';
import { PointsEntryModel, type PointsAdjustDirection, type PointsEntry, type PointsEntryKind, type PointsReference } from './PointsEntry.model';
import { effectOf } from './entryEffects';
import type { MemberQueue } from './memberQueue';

export interface EntryDraft {
  memberId: Types.ObjectId;
  key: string;
  kind: PointsEntryKind;
  requested: number;
  /** adjust only. */
  direction?: PointsAdjustDirection;
  reasonCode: string;
  reason: string;
  reference: PointsReference | null;
  expiresAt: Date | null;
  targetId: string | null;
  /** The program settings version the entry was computed by (earn and credit: amount and expiry); null otherwise. */
  settingsVersion?: number | null;
}

/** Test seams that simulate a crash between the writes of step 2 and step 3. */
export interface LedgerFaults {
  afterAccountWrite?: () => void;
  afterEntryApplied?: () => void;
}

const MAX_ATTEMPTS = 80;

export async function postEntry(draft: EntryDraft, now: Date, faults: LedgerFaults = {}, queue?: MemberQueue): Promise<PointsEntry> {
  const post = async (): Promise<PointsEntry> => settleEntry(await recordEntry(draft, now), now, faults);
  return queue ? queue.run(draft.memberId.toHexString(), post) : post();
}

function sameRequest(stored: PointsEntry, draft: EntryDraft): boolean {
  return (
    stored.memberId.equals(draft.memberId) &&
    stored.kind === draft.kind &&
    stored.requested === draft.requested &&
    (stored.direction ?? null) === (draft.direction ?? null) &&
    stored.targetId === draft.targetId &&
    stored.reasonCode === draft.reasonCode
  );
}

async function recordEntry(draft: EntryDraft, now: Date): Promise<PointsEntry> {
  try {
    const created = await PointsEntryModel.create({
      ...draft,
      direction: draft.direction ?? null,
      settingsVersion: draft.settingsVersion ?? null,
      state: 'pending',
      delta: null,
      allocations: [],
      rejection: null,
      createdAt: now,
      appliedAt: null,
    });
    return created.toObject();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const stored = await PointsEntryModel.findOne({ key: draft.key }).lean();
    if (!stored) throw error;
    if (!sameRequest(stored, draft)) throw conflict('IDEMPOTENCY_KEY_REUSED');
    return stored;
  }
}

async function ensureAccount(memberId: Types.ObjectId, now: Date): Promise<void> {
  try {
    await PointsAccountModel.updateOne(
      { _id: memberId },
      { $setOnInsert: { balance: 0, version: 0, lots: [], pending: [], updatedAt: now } },
      { upsert: true },
    );
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error; // another request created it first
  }
}

function backoff(attempt: number): Promise<void> {
  const ceiling = Math.min(20, 2 ** Math.min(attempt, 5));
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}

/** Steps 2 and 3 for an entry in any state; safe to run any number of times, concurrently too. */
export async function settleEntry(entry: PointsEntry, now: Date, faults: LedgerFaults = {}): Promise<PointsEntry> {
  if (entry.state === 'rejected') return entry;
  if (entry.state === 'applied') {
    // Step 3b may not have happened before a crash; the pull is idempotent.
    await PointsAccountModel.updateOne({ _id: entry.memberId }, { $pull: { pending: { entryId: entry._id } } });
    return entry;
  }
  await ensureAccount(entry.memberId, now);
  const effect = await effectOf(entry);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const account = await PointsAccountModel.findById(entry.memberId).lean();
    if (!account) throw new Error(`points account ${entry.memberId.toHexString()} vanished`);
    const alreadyApplied = account.pending.find((pending) => pending.entryId.equals(entry._id));
    if (alreadyApplied) return finalizeEntry(entry, alreadyApplied, now, faults);
    const current = await PointsEntryModel.findById(entry._id).lean();
    if (!current || current.state !== 'pending') return current ?? entry;

    const change = effect({ balance: account.balance, lots: account.lots });
    if (!change.ok) {
      await PointsEntryModel.updateOne({ _id: entry._id, state: 'pending' }, { $set: { state: 'rejected', rejection: change.reason } });
      return { ...current, state: 'rejected', rejection: change.reason };
    }
    const applied: PendingApplication = { entryId: entry._id, delta: change.delta, allocations: change.allocations };
    const written = await PointsAccountModel.updateOne(
      { _id: entry.memberId, version: account.version, 'pending.entryId': { $ne: entry._id } },
      { $set: { balance: change.balance, lots: change.lots, updatedAt: now }, $inc: { version: 1 }, $push: { pending: applied } },
    );
    if (written.modifiedCount === 1) {
      faults.afterAccountWrite?.();
      return finalizeEntry(current, applied, now, faults);
    }
    await backoff(attempt);
  }
  throw unavailable(new Error(`points entry ${entry.key} lost ${MAX_ATTEMPTS} compare-and-set rounds`));
}

async function finalizeEntry(entry: PointsEntry, applied: PendingApplication, now: Date, faults: LedgerFaults): Promise<PointsEntry> {
  const appliedAt = entry.appliedAt ?? now;
  await PointsEntryModel.updateOne(
    { _id: entry._id, state: 'pending' },
    { $set: { state: 'applied', delta: applied.delta, allocations: applied.allocations, appliedAt } },
  );
  faults.afterEntryApplied?.();
  await PointsAccountModel.updateOne({ _id: entry.memberId }, { $pull: { pending: { entryId: entry._id } } });
  return { ...entry, state: 'applied', delta: applied.delta, allocations: applied.allocations, appliedAt };
}

/** Throws the 409 a refused entry stands for; returns applied entries unchanged. */
export function assertApplied(entry: PointsEntry): PointsEntry {
  if (entry.state === 'rejected') throw conflict(entry.rejection ?? 'POINTS_INSUFFICIENT');
  return entry;
}

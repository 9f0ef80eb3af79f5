import type { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { quotaId, SubscriptionQuotaModel } from './SubscriptionQuota.model';

/** Causes remembered per (member, template): WeChat re-sends a push within minutes, never after 200 newer facts. */
const APPLIED_KEYS_KEPT = 200;

async function ensureQuota(memberId: Types.ObjectId, templateId: string, now: Date): Promise<string> {
  const _id = quotaId(memberId, templateId);
  await SubscriptionQuotaModel.updateOne(
    { _id },
    { $setOnInsert: { memberId, templateId, remaining: 0, status: 'active', drift: false, appliedKeys: [], reservations: [], acceptedTotal: 0, sentTotal: 0, updatedAt: now } },
    { upsert: true },
  ).catch((error: unknown) => {
    if (!isDuplicateKeyError(error)) throw error;
  });
  return _id;
}

const remember = (key: string) => ({ appliedKeys: { $each: [key], $slice: -APPLIED_KEYS_KEPT } });

/** WeChat reported an accept (subscribe_msg_popup_event): one more send allowed; the template is on again. */
export async function creditAccept(memberId: Types.ObjectId, templateId: string, causeKey: string, now: Date): Promise<void> {
  const _id = await ensureQuota(memberId, templateId, now);
  await SubscriptionQuotaModel.updateOne(
    { _id, appliedKeys: { $ne: causeKey } },
    { $inc: { remaining: 1, acceptedTotal: 1 }, $set: { status: 'active', updatedAt: now }, $push: remember(causeKey) },
  );
}

/** The member turned the template off (subscribe_msg_change_event reject): nothing more is sent until they accept again. */
export async function rejectTemplate(memberId: Types.ObjectId, templateId: string, causeKey: string, now: Date): Promise<void> {
  const _id = await ensureQuota(memberId, templateId, now);
  await SubscriptionQuotaModel.updateOne(
    { _id, appliedKeys: { $ne: causeKey } },
    { $set: { remaining: 0, status: 'rejected', updatedAt: now }, $push: remember(causeKey) },
  );
}

/**
 * Holds one send for `sendKey` before WeChat is called: false when none is left (the send is then not attempted).
 * `keepAtLeast` sends stay for later, more important steps (a T-7 reminder takes one only when T-0 keeps one).
 * Taking again for the same key (a retry) finds the hold it already has.
 */
export async function takeQuota(memberId: Types.ObjectId, templateId: string, sendKey: string, now: Date, keepAtLeast = 0): Promise<boolean> {
  const _id = quotaId(memberId, templateId);
  const taken = await SubscriptionQuotaModel.updateOne(
    { _id, status: 'active', remaining: { $gte: 1 + keepAtLeast }, reservations: { $ne: sendKey } },
    { $inc: { remaining: -1 }, $push: { reservations: sendKey }, $set: { updatedAt: now } },
  );
  if (taken.modifiedCount === 1) return true;
  return (await SubscriptionQuotaModel.countDocuments({ _id, reservations: sendKey })) === 1;
}

/** The send went out (or may have: an unknown outcome is counted as sent, WeChat's count is the one that matters). */
export async function settleSent(memberId: Types.ObjectId, templateId: string, sendKey: string, now: Date): Promise<void> {
  await SubscriptionQuotaModel.updateOne(
    { _id: quotaId(memberId, templateId), reservations: sendKey },
    { $pull: { reservations: sendKey }, $inc: { sentTotal: 1 }, $set: { updatedAt: now } },
  );
}

/** Nothing was sent (refused before WeChat counted it, or not sent after all): the held send is given back, once. */
export async function releaseQuota(memberId: Types.ObjectId, templateId: string, sendKey: string, now: Date): Promise<void> {
  await SubscriptionQuotaModel.updateOne(
    { _id: quotaId(memberId, templateId), reservations: sendKey },
    { $pull: { reservations: sendKey }, $inc: { remaining: 1 }, $set: { updatedAt: now } },
  );
}

/** WeChat answered 43101: it has no send left for this member, whatever the ledger counted. */
export async function exhaustQuota(memberId: Types.ObjectId, templateId: string, sendKey: string, now: Date): Promise<void> {
  await SubscriptionQuotaModel.updateOne(
    { _id: quotaId(memberId, templateId) },
    { $set: { remaining: 0, drift: true, updatedAt: now }, $pull: { reservations: sendKey } },
  );
}

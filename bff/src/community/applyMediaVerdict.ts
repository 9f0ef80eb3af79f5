import type { Logger } from '../logger';
import { MediaCheckModel } from './MediaCheck.model';
import { ensureMediaCheck, settleMediaCheck } from './mediaChecks';

/** A `wxa_media_check` verdict as the message push endpoint reads it (`label` arrives as a number or a string). */
export interface MediaVerdict {
  traceId: string;
  suggest: 'pass' | 'review' | 'risky';
  label: number | string | null;
}

const labelOf = (label: MediaVerdict['label']): number | null => {
  const value = typeof label === 'string' ? Number.parseInt(label, 10) : label;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

/**
 * Applies WeChat's pushed verdict on a photo, matched by trace_id. Idempotent: WeChat re-sends a push it thinks was
 * not answered, and only the first verdict of a trace counts. A verdict that arrives before the request's trace is
 * recorded waits for it (settleMediaCheck runs from both sides). pass → the post may publish; review → the ops
 * queue; risky → the post is hidden and its author sees it rejected.
 */
export async function applyMediaVerdict(verdict: MediaVerdict, context: { now: Date; logger?: Logger }): Promise<void> {
  const first = await recordMediaVerdict(verdict, context.now);
  if (!first) context.logger?.info({ traceId: verdict.traceId }, 'media verdict already recorded');
  await settleMediaCheck(verdict.traceId, context.now);
}

/**
 * Keeps a trace's verdict (only the first counts), whatever it is about: a community photo or an avatar (each
 * settles its own side from the trace). True when this call recorded it.
 */
export async function recordMediaVerdict(verdict: MediaVerdict, now: Date): Promise<boolean> {
  await ensureMediaCheck(verdict.traceId);
  const recorded = await MediaCheckModel.updateOne(
    { _id: verdict.traceId, verdict: null },
    { $set: { verdict: { suggest: verdict.suggest, label: labelOf(verdict.label) }, verdictAt: now } },
  );
  return recorded.modifiedCount === 1;
}

import type { PushHandler } from '../wechat/messagePush/pushHandlers';
import { applyMediaVerdict, type MediaVerdict } from './applyMediaVerdict';

/**
 * What a pushed `wxa_media_check` says about a photo. Only a checked pass is a pass: when WeChat could not check the
 * photo (errcode ≠ 0, e.g. it could not download it) or gave no result, the post goes to a moderator.
 */
export function mediaVerdictOf(event: Parameters<PushHandler<'wxa_media_check'>>[0]): MediaVerdict {
  const checked = event.errcode === 0 && event.result !== null;
  return { traceId: event.traceId, suggest: checked && event.result ? event.result.suggest : 'review', label: event.result?.label ?? null };
}

/** The community's handler of WeChat's photo verdicts (registered in pushHandlerTable.ts); idempotent like applyMediaVerdict. */
export const applyPushedMediaVerdict: PushHandler<'wxa_media_check'> = (event, { now, log }) => applyMediaVerdict(mediaVerdictOf(event), { now, logger: log });

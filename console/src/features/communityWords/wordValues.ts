import type { WordAction } from '@cakeday/shared';
import type { OpsInput, OpsResponse } from '../../api/opsRoutes';

export type OpsWord = OpsResponse<'ops.community.words.list'>['items'][number];

export const wordActionLabels: Record<WordAction, string> = { block: '拦截', review: '送审', replace: '替换' };
export const wordActionHelp: Record<WordAction, string> = {
  block: '含该词的内容直接拒绝发布',
  review: '含该词的内容进入人工复核，通过前他人不可见',
  replace: '发布时把该词替换为指定文字',
};
export const wordActionColors: Record<WordAction, string> = { block: 'red', review: 'gold', replace: 'blue' };

export interface WordFormValues {
  word: string;
  action: WordAction;
  replacement?: string | null;
  reason: string;
}

/** The save request: an edit names the word and the version loaded; only `replace` keeps a replacement. */
export function wordSaveInput(word: OpsWord | null, values: WordFormValues): OpsInput<'ops.community.words.save'> {
  const fields = {
    word: values.word.trim(),
    action: values.action,
    replacement: values.action === 'replace' ? values.replacement?.trim() || null : null,
    reason: values.reason.trim(),
  };
  return word ? { id: word.id, version: word.version, ...fields } : fields;
}

export const actionText = (word: OpsWord): string =>
  word.action === 'replace' ? `替换为 ${word.replacement ?? '***'}` : wordActionLabels[word.action];

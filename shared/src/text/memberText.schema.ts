import { z } from 'zod';
import { cleanMemberText, type MemberTextOptions } from './memberText.rules.js';

/**
 * The request schema of every field a member writes: cleaned (cleanMemberText), then trimmed, then measured, so
 * the BFF only ever stores and checks the cleaned text. `min` 0 allows an empty value (e.g. clearing a note).
 */
export function memberTextInput(limits: { min?: number; max: number } & MemberTextOptions): z.ZodString {
  return z
    .string()
    .overwrite((text) => cleanMemberText(text, { multiline: limits.multiline }))
    .trim()
    .min(limits.min ?? 1)
    .max(limits.max);
}

/**
 * What a member writes (nickname, wish text, notes, a refund reason) is shown to friends, staff or ops. These
 * characters never reach storage: bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) and marks (U+200E, U+200F, U+061C) that reorder what a reader sees; the invisible zero-width
 * space and BOM (U+200B, U+FEFF) that split words past a keyword check; and the C0 and C1 control characters
 * (U+0000–U+001F, U+007F–U+009F). Ordinary whitespace is kept where the field allows it: a single-line field
 * turns tabs and line breaks into a space; a multi-line field keeps line breaks (normalised to \n).
 * The zero-width joiner and non-joiner (U+200D, U+200C) stay: emoji sequences and some scripts need them.
 */
const INVISIBLE_FORMATTING = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\uFEFF]/g;
const LINE_BREAK = /\r\n|[\r\u2028\u2029]/g;
// C0 and C1 controls, except tab and line feed (handled below once line breaks are normalised). Matching control
// characters is this pattern's purpose.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export interface MemberTextOptions {
  /** Whether line breaks are part of the text (none of today's fields are). */
  multiline?: boolean;
}

export function cleanMemberText(text: string, options: MemberTextOptions = {}): string {
  const lines = text.replace(INVISIBLE_FORMATTING, '').replace(LINE_BREAK, '\n').replace(CONTROL, '');
  return options.multiline ? lines.replace(/\t/g, ' ') : lines.replace(/[\t\n]+/g, ' ');
}

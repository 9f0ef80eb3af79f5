import { cleanMemberText } from './memberText.rules.js';
import { memberTextInput } from './memberText.schema.js';

describe('cleanMemberText', () => {
  it.each([
    ['plain Chinese stays', '生日快乐', '生日快乐'],
    ['emoji with a zero-width joiner stays', '👩\u200D👩\u200D👧 一家人', '👩\u200D👩\u200D👧 一家人'],
    ['right-to-left override (U+202E)', '我的心愿\u202Egnp.exe', '我的心愿gnp.exe'],
    ['left-to-right and right-to-left embeddings and overrides (U+202A–U+202D)', '\u202A\u202B\u202C\u202Da', 'a'],
    ['isolates (U+2066–U+2069)', '\u2066x\u2067y\u2068z\u2069', 'xyz'],
    ['LRM, RLM and the Arabic letter mark', 'a\u200Eb\u200Fc\u061Cd', 'abcd'],
    ['a zero-width space that splits a keyword', '赌\u200B博', '赌博'],
    ['a byte order mark', '\uFEFF昵称', '昵称'],
    ['NUL, BEL, ESC and DEL', 'a\u0000b\u0007c\u001Bd\u007Fe', 'abcde'],
    ['C1 controls (U+0080–U+009F), including NEL', 'a\u0080b\u0085c\u009Fd', 'abcd'],
    ['vertical tab and form feed', 'a\u000Bb\u000Cc', 'abc'],
    ['single line: tabs and line breaks become one space', '上\t下\r\n左\n\n右\r中\u2028外\u2029内', '上 下 左 右 中 外 内'],
    ['the non-breaking and ideographic spaces are ordinary text', 'a\u00A0b\u3000c', 'a\u00A0b\u3000c'],
  ])('%s', (_name, input, expected) => {
    expect(cleanMemberText(input)).toBe(expected);
  });

  it.each([
    ['keeps line breaks, normalised to \\n', 'a\r\nb\rc\u2028d\ne', 'a\nb\nc\nd\ne'],
    ['turns tabs into spaces', 'a\tb', 'a b'],
    ['still strips controls and overrides', 'a\u202E\u0000\nb', 'a\nb'],
  ])('multi-line: %s', (_name, input, expected) => {
    expect(cleanMemberText(input, { multiline: true })).toBe(expected);
  });
});

describe('memberTextInput', () => {
  const nickname = memberTextInput({ max: 5 });
  it.each([
    ['cleans, then trims', '  \u202E小麦\t ', { success: true, data: '小麦' }],
    ['measures the cleaned text (controls do not count toward the limit)', '\u0000\u0000\u0000一二三四五', { success: true, data: '一二三四五' }],
    ['a text of nothing but controls is empty', '\u202E\u200B\u0007', { success: false }],
    ['too long after cleaning', '一二三四五六', { success: false }],
  ])('%s', (_name, input, expected) => {
    expect(nickname.safeParse(input)).toMatchObject(expected);
  });

  it('allows an empty value when min is 0', () => {
    expect(memberTextInput({ min: 0, max: 5 }).safeParse('\u202E ')).toMatchObject({ success: true, data: '' });
  });
});

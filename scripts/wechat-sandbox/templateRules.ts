import type { SandboxTemplate, TemplateFieldType } from './config';

const TYPES: TemplateFieldType[] = [
  'character_string',
  'phone_number',
  'car_number',
  'thing',
  'number',
  'letter',
  'symbol',
  'time',
  'date',
  'amount',
  'name',
  'phrase',
  'enum',
];

/** `thing1` -> thing, `character_string12` -> character_string. */
export function fieldType(key: string): TemplateFieldType | undefined {
  const match = /^([a-z_]+?)\d+$/.exec(key);
  return TYPES.find((type) => type === match?.[1]);
}

const HAN = /\p{Script=Han}/u;
const CONTROL = /\p{Cc}/u;
const SYMBOLS = /^[\p{P}\p{S}]+$/u;
const DATE = String.raw`(\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}-\d{1,2}|\d{1,2}-\d{1,2})`;
const CLOCK = String.raw`([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?`;
const DATE_VALUE = new RegExp(`^${DATE}( ${CLOCK})?$`);
const TIME_VALUE = new RegExp(`^(${DATE} )?${CLOCK}$`);

const chars = (value: string): string[] => [...value];
const ranged = (value: string, one: RegExp): boolean => value.split('~').every((part) => one.test(part.trim())) && value.split('~').length <= 2;

/** The value rules of B.4, one per key type; true when WeChat would accept the value. */
export function valueFits(type: TemplateFieldType, value: string, enumValues: string[] = []): boolean {
  if (value.length === 0 || CONTROL.test(value)) return false;
  const length = chars(value).length;
  switch (type) {
    case 'thing':
      return length <= 20;
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(value) && value.replace(/\D/g, '').length <= 32;
    case 'letter':
      return /^[A-Za-z]{1,32}$/.test(value);
    case 'symbol':
      return length <= 5 && SYMBOLS.test(value);
    case 'character_string':
      return length <= 32 && /^[\x21-\x7e]+$/.test(value);
    case 'time':
      return ranged(value, TIME_VALUE);
    case 'date':
      return ranged(value, DATE_VALUE);
    case 'amount':
      return /^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$/u.test(value) && /\d/.test(value);
    case 'phone_number':
      return length <= 17 && /^[\d+\-() ]+$/.test(value);
    case 'car_number':
      return length <= 8 && /^[\p{Script=Han}A-Z0-9]?[A-Z0-9]*[\p{Script=Han}A-Z0-9]?$/u.test(value);
    case 'name':
      return HAN.test(value) ? length <= 10 : /^[A-Za-z ]{1,20}$/.test(value);
    case 'phrase':
      return length <= 5 && chars(value).every((char) => HAN.test(char));
    case 'enum':
      return enumValues.includes(value);
  }
}

/** The first offending key of a send's data (47003 names it), or null when all fit. */
export function invalidDataKey(template: SandboxTemplate, data: Record<string, unknown>): string | null {
  for (const key of Object.keys(template.fields)) {
    if (!(key in data)) return key;
  }
  for (const [key, entry] of Object.entries(data)) {
    const type = fieldType(key);
    if (!type || !(key in template.fields)) return key;
    const value = typeof entry === 'object' && entry !== null ? (entry as { value?: unknown }).value : undefined;
    if (typeof value !== 'string' || !valueFits(type, value, template.enums?.[key])) return key;
  }
  return null;
}

import type { SubscriptionTemplate } from './subscriptions.templates.js';

/**
 * WeChat's value rules per keyword type (wechat-contracts.md B.4): a value outside them makes the send fail with
 * 47003, so a campaign's rendered message is checked against them before it is saved and before each send.
 */
export const TEMPLATE_FIELD_TYPES = [
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
] as const;
export type TemplateFieldType = (typeof TEMPLATE_FIELD_TYPES)[number];

/** `thing1` -> thing, `character_string12` -> character_string. */
export function templateFieldType(key: string): TemplateFieldType | undefined {
  const match = /^([a-z_]+?)\d+$/.exec(key);
  return TEMPLATE_FIELD_TYPES.find((type) => type === match?.[1]);
}

const HAN = /\p{Script=Han}/u;
const CONTROL = /\p{Cc}/u;
const SYMBOLS = /^[\p{P}\p{S}]+$/u;
const DATE = String.raw`(\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}-\d{1,2}|\d{1,2}-\d{1,2})`;
const CLOCK = String.raw`([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?`;
const DATE_VALUE = new RegExp(`^${DATE}( ${CLOCK})?$`);
const TIME_VALUE = new RegExp(`^(${DATE} )?${CLOCK}$`);
const ranged = (value: string, one: RegExp): boolean => value.split('~').length <= 2 && value.split('~').every((part) => one.test(part.trim()));

/** Why a value breaks its type's rule (Chinese, for the console), or null when WeChat would take it. */
export function templateValueProblem(type: TemplateFieldType, value: string): string | null {
  if (value.length === 0) return '不能为空';
  if (CONTROL.test(value)) return '不能含控制字符';
  const length = [...value].length;
  switch (type) {
    case 'thing':
      return length <= 20 ? null : '事物类字段不超过20个字';
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(value) && value.replace(/\D/g, '').length <= 32 ? null : '数字类字段只能是不超过32位的数字';
    case 'letter':
      return /^[A-Za-z]{1,32}$/.test(value) ? null : '字母类字段只能是不超过32个字母';
    case 'symbol':
      return length <= 5 && SYMBOLS.test(value) ? null : '符号类字段只能是不超过5个符号';
    case 'character_string':
      return length <= 32 && /^[\x21-\x7e]+$/.test(value) ? null : '字符串类字段只能是不超过32个数字、字母或符号';
    case 'time':
      return ranged(value, TIME_VALUE) ? null : '时间类字段格式如 15:01 或 2026年5月20日 15:01';
    case 'date':
      return ranged(value, DATE_VALUE) ? null : '日期类字段格式如 2026年5月20日';
    case 'amount':
      return /^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$/u.test(value) ? null : '金额类字段格式如 ¥88.00';
    case 'phone_number':
      return length <= 17 && /^[\d+\-() ]+$/.test(value) ? null : '电话类字段只能是不超过17位的号码';
    case 'car_number':
      return length <= 8 && /^[\p{Script=Han}A-Z0-9]?[A-Z0-9]*[\p{Script=Han}A-Z0-9]?$/u.test(value) ? null : '车牌类字段不超过8位';
    case 'name':
      return (HAN.test(value) ? length <= 10 : /^[A-Za-z ]{1,20}$/.test(value)) ? null : '姓名类字段不超过10个汉字或20个字母';
    case 'phrase':
      return length <= 5 && [...value].every((char) => HAN.test(char)) ? null : '汉字短语类字段只能是不超过5个汉字';
  }
}

export interface TemplateDataProblem {
  key: string;
  message: string;
}

/** Every field of the template must be present and fit its rule; no field the template lacks. */
export function templateDataProblems(template: Pick<SubscriptionTemplate, 'fields'>, data: Readonly<Record<string, string>>): TemplateDataProblem[] {
  const problems: TemplateDataProblem[] = [];
  for (const key of Object.keys(template.fields)) {
    if (!(key in data)) problems.push({ key, message: '缺少此字段' });
  }
  for (const [key, value] of Object.entries(data)) {
    const type = templateFieldType(key);
    if (!type || !(key in template.fields)) {
      problems.push({ key, message: '模板没有此字段' });
      continue;
    }
    const problem = templateValueProblem(type, value);
    if (problem) problems.push({ key, message: problem });
  }
  return problems;
}

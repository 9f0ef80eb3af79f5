import { SMS_OPT_OUT_INSTRUCTION, type SmsTemplate } from './sms.templates.js';

/** Tencent counts every character (Chinese, letter, digit, punctuation, space) as one; 500 is the most a message may hold. */
export const SMS_MAX_CONTENT_LENGTH = 500;
/** The most characters one variable may take (the console's rule for the account's notification and marketing templates). */
export const SMS_MAX_PARAM_LENGTH = 20;

/** The text a member's phone shows: 【signature】 then the template with its variables filled. */
export function renderSmsContent(signName: string, template: Pick<SmsTemplate, 'text'>, params: readonly string[]): string {
  return `【${signName}】${template.text.replace(/\{(\d+)\}/g, (whole, index: string) => params[Number(index) - 1] ?? whole)}`;
}

export interface SmsProblem {
  param: number | null;
  message: string;
}

/** Why Tencent would refuse these variables for this template (count, length, a link), or none. */
export function smsParamProblems(template: SmsTemplate, params: readonly string[], signName: string): SmsProblem[] {
  const problems: SmsProblem[] = [];
  if (params.length !== template.params.length) problems.push({ param: null, message: `模板需要${template.params.length}个变量` });
  params.forEach((value, index) => {
    if (value.trim().length === 0) problems.push({ param: index + 1, message: '变量不能为空' });
    if ([...value].length > SMS_MAX_PARAM_LENGTH) problems.push({ param: index + 1, message: `变量不能超过${SMS_MAX_PARAM_LENGTH}个字` });
    if (/https?:\/\/|www\./i.test(value)) problems.push({ param: index + 1, message: '变量不能是链接' });
    if (/[【】]/.test(value)) problems.push({ param: index + 1, message: '变量不能含【】' });
  });
  if ([...renderSmsContent(signName, template, params)].length > SMS_MAX_CONTENT_LENGTH) problems.push({ param: null, message: `短信不能超过${SMS_MAX_CONTENT_LENGTH}个字` });
  if (template.kind === 'marketing' && !template.text.endsWith(SMS_OPT_OUT_INSTRUCTION)) problems.push({ param: null, message: `营销短信须以“${SMS_OPT_OUT_INSTRUCTION}”结尾` });
  return problems;
}

/**
 * Whether a member's reply is an opt-out: R or TD (the operators' unsubscribe words; T, N and 退订 are read the same
 * way by the carriers), in either case, full-width or half-width, with spaces or punctuation around it.
 */
export function isSmsOptOut(reply: string): boolean {
  const word = reply
    .normalize('NFKC')
    .replace(/[\s.,!?。，！？、]/g, '')
    .toUpperCase();
  return ['R', 'TD', 'T', 'N', '退订', '退'].includes(word);
}

/** China mainland numbers as Tencent takes them (E.164: +86 and 11 digits). */
export function smsPhoneNumber(purePhoneNumber: string): string | null {
  return /^1\d{10}$/.test(purePhoneNumber) ? `+86${purePhoneNumber}` : null;
}

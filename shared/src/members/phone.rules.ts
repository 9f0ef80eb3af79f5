/** 13812341234 -> 138****1234; shorter or foreign numbers keep only their last four digits. */
export function maskPhone(phone: string): string {
  if (phone.length >= 11) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  return `****${phone.slice(-4)}`;
}

/**
 * The forms a typed phone number may be stored under (bindPhone keeps mainland numbers as 11 digits, others as
 * WeChat gave them): 138 1234 1234, +86-13812341234 and 13812341234 all look up 13812341234.
 */
export function phoneLookupForms(input: string): string[] {
  const trimmed = input.trim();
  const compact = trimmed.replace(/[\s-]/g, '');
  const mainland = /^(?:\+?86)?(1\d{10})$/.exec(compact)?.[1];
  return [...new Set([mainland, compact, trimmed].filter((form): form is string => Boolean(form)))];
}

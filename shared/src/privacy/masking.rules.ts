import { maskPhone } from '../members/phone.rules.js';

/** 小明 -> 小*, 王小明 -> 王*明, Tom -> T*m: enough to recognise a person one already knows, not to find them. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(Math.min(chars.length - 2, 3))}${chars[chars.length - 1]}`;
}

/** wx-openid-like identifiers keep their first and last four characters. */
export function maskIdentifier(value: string): string {
  return value.length <= 8 ? '****' : `${value.slice(0, 4)}****${value.slice(-4)}`;
}

const MASKERS: Record<string, (value: string) => string> = {
  phone: maskPhone,
  phoneNumber: maskPhone,
  nickname: maskName,
  memberName: maskName,
  name: maskName,
  openid: maskIdentifier,
  unionid: maskIdentifier,
  avatarUrl: () => '[头像]',
  address: () => '[地址]',
};

/**
 * Masks personal fields (by name, at any depth) in data that leaves its owner's context: audit entries, ops
 * tables, exports. Birthdays keep month and day (what campaigns use) and lose the year.
 */
export function maskPersonalData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPersonalData);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const masked: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    const mask = MASKERS[key];
    if (mask && typeof field === 'string') masked[key] = mask(field);
    else if (key === 'birthday' && field && typeof field === 'object') masked[key] = { ...(field as object), year: null };
    else masked[key] = maskPersonalData(field);
  }
  return masked;
}

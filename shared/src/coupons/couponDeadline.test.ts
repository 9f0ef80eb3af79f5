import { businessInstant } from '../time/businessTime.js';
import { couponDeadlineText } from './couponDeadline.js';

describe('couponDeadlineText: the last moment a coupon can be used, in Shanghai business time', () => {
  it.each<[string, string, string, string]>([
    ['valid until the next midnight: today at 23:59', '2026-12-31T10:00:00', '2027-01-01', '今天 23:59 到期'],
    ['a deadline inside the day', '2026-12-03T08:00:00', '2026-12-03T21:00:00', '今天 20:59 到期'],
    ['two days left counts down', '2026-12-29T10:00:00', '2027-01-01', '可用至 12月31日 23:59 · 还剩 2 天'],
    ['tomorrow is one day left', '2026-12-30T23:59:00', '2027-01-01', '可用至 12月31日 23:59 · 还剩 1 天'],
    ['far away: the date without a countdown', '2026-12-01T10:00:00', '2027-01-01', '可用至 12月31日 23:59'],
    ['next year names the year', '2026-12-20T10:00:00', '2027-01-06', '可用至 2027年1月5日 23:59'],
    ['a month end of 30 days', '2026-11-10T10:00:00', '2026-12-01', '可用至 11月30日 23:59'],
    ['a leap day', '2028-02-27T09:00:00', '2028-03-01', '可用至 2月29日 23:59 · 还剩 2 天'],
    ['no leap day in 2027', '2027-02-27T09:00:00', '2027-03-01', '可用至 2月28日 23:59 · 还剩 1 天'],
    ['expired at the exact moment', '2027-01-01T00:00:00', '2027-01-01', '已过期'],
  ])('%s', (_case, now, validUntil, expected) => {
    expect(couponDeadlineText(businessInstant(validUntil), businessInstant(now))).toBe(expected);
  });

  it('reckons the day in Shanghai, not UTC: 00:30 in Shanghai is still the previous day in UTC', () => {
    // 2026-12-31 00:30 Shanghai = 2026-12-30 16:30 UTC: today is the 31st, so the coupon ends today.
    expect(couponDeadlineText(new Date('2026-12-31T16:00:00.000Z'), new Date('2026-12-30T16:30:00.000Z'))).toBe('今天 23:59 到期');
  });
});

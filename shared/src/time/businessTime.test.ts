import { businessDate, businessDayKey, startOfBusinessDay, toBusinessIso } from './businessTime.js';

describe('business time (Asia/Shanghai)', () => {
  it.each([
    ['2026-12-31T15:59:59.999Z', { year: 2026, month: 12, day: 31 }],
    ['2026-12-31T16:00:00.000Z', { year: 2027, month: 1, day: 1 }],
    ['2028-02-28T16:00:00.000Z', { year: 2028, month: 2, day: 29 }],
    ['2027-02-28T16:00:00.000Z', { year: 2027, month: 3, day: 1 }],
  ])('%s is %o in Shanghai', (iso, expected) => {
    expect(businessDate(new Date(iso))).toEqual(expected);
  });

  it('starts a business day at 16:00 UTC of the previous day', () => {
    expect(startOfBusinessDay({ year: 2027, month: 1, day: 1 }).toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('formats instants with the +08:00 offset', () => {
    expect(toBusinessIso(new Date('2026-11-22T16:30:00.000Z'))).toBe('2026-11-23T00:30:00+08:00');
  });

  it('keys a day (daily caps) that turns at Shanghai midnight', () => {
    expect(businessDayKey(new Date('2026-05-19T15:59:59.000Z'))).toBe('20260519');
    expect(businessDayKey(new Date('2026-05-19T16:00:00.000Z'))).toBe('20260520');
  });
});

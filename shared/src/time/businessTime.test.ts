import { businessDate, businessDayKey, businessInstant, businessTimeOfDay, formatCalendarDate, isoWeekday, startOfBusinessDay, toBusinessIso } from './businessTime.js';

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

describe('business wall clock, weekdays and local times (Asia/Shanghai)', () => {
  it('reads the Shanghai time of day', () => {
    expect(businessTimeOfDay(new Date('2026-03-13T16:30:05.000Z'))).toEqual({ hour: 0, minute: 30, second: 5 });
    expect(businessTimeOfDay(new Date('2026-03-14T12:00:00.000Z'))).toEqual({ hour: 20, minute: 0, second: 0 });
  });

  it('reads a Shanghai wall-clock time as its instant; a date alone is its midnight', () => {
    expect(businessInstant('2025-11-18T12:30:00').toISOString()).toBe('2025-11-18T04:30:00.000Z');
    expect(businessInstant('2027-01-01').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(() => businessInstant('next tuesday')).toThrow(RangeError);
  });

  it.each([
    [{ year: 2026, month: 5, day: 11 }, 1],
    [{ year: 2026, month: 5, day: 10 }, 7],
    [{ year: 2028, month: 2, day: 29 }, 2],
  ])('%o is ISO weekday %i', (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });

  it('writes a calendar date as YYYY-MM-DD', () => {
    expect(formatCalendarDate({ year: 2026, month: 3, day: 4 })).toBe('2026-03-04');
  });
});

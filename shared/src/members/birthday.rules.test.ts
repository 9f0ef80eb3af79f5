import {
  birthdayLock,
  birthdayYear,
  celebrationDate,
  decideBirthdayChange,
  isBirthdayMonth,
  isValidBirthday,
  nextCelebration,
  type BirthdayHistory,
} from './birthday.rules.js';

/** 00:00 on the given Shanghai date, as an instant. */
const shanghai = (iso: string): Date => new Date(`${iso}+08:00`);

describe('isValidBirthday', () => {
  it.each([
    [{ month: 2, day: 29 }, true],
    [{ month: 2, day: 29, year: 2000 }, true],
    [{ month: 2, day: 29, year: 1900 }, false],
    [{ month: 2, day: 29, year: 2023 }, false],
    [{ month: 4, day: 31 }, false],
    [{ month: 12, day: 31, year: 1999 }, true],
    [{ month: 13, day: 1 }, false],
    [{ month: 1, day: 0 }, false],
  ])('%j → %s', (birthday, valid) => {
    expect(isValidBirthday(birthday)).toBe(valid);
  });
});

describe('celebrationDate', () => {
  it.each([
    [2024, { year: 2024, month: 2, day: 29 }],
    [2025, { year: 2025, month: 2, day: 28 }],
    [2100, { year: 2100, month: 2, day: 28 }],
    [2000, { year: 2000, month: 2, day: 29 }],
  ])('29 February in %i', (year, expected) => {
    expect(celebrationDate({ month: 2, day: 29 }, year)).toEqual(expected);
  });
});

describe('nextCelebration and the birthday year, in Asia/Shanghai', () => {
  it.each([
    // 31 Dec 23:59 in Shanghai is still the old year; 16:00 UTC on 31 Dec is already 1 Jan there.
    ['2025-12-31T23:59:59', { month: 1, day: 1 }, { year: 2026, month: 1, day: 1 }, 2025],
    ['2026-01-01T00:00:00', { month: 1, day: 1 }, { year: 2026, month: 1, day: 1 }, 2026],
    ['2026-12-31T12:00:00', { month: 12, day: 31 }, { year: 2026, month: 12, day: 31 }, 2026],
    ['2027-03-01T00:00:00', { month: 2, day: 29 }, { year: 2028, month: 2, day: 29 }, 2027],
    ['2027-02-28T09:00:00', { month: 2, day: 29 }, { year: 2027, month: 2, day: 28 }, 2027],
    ['2027-02-27T23:59:59', { month: 2, day: 29 }, { year: 2027, month: 2, day: 28 }, 2026],
  ])('at %s, birthday %j → next %j, birthday year %i', (at, birthday, next, year) => {
    expect(nextCelebration(birthday, shanghai(at))).toEqual(next);
    expect(birthdayYear(birthday, shanghai(at))).toBe(year);
  });

  it('takes the Shanghai date, not the UTC one, at midnight', () => {
    const instant = new Date('2026-04-30T16:00:00.000Z'); // 1 May 00:00 in Shanghai, still 30 April in UTC
    expect(isBirthdayMonth({ month: 5, day: 20 }, instant)).toBe(true);
    expect(isBirthdayMonth({ month: 4, day: 20 }, instant)).toBe(false);
  });
});

describe('decideBirthdayChange', () => {
  const firstSetAt = shanghai('2026-05-10T12:00:00');
  const base: BirthdayHistory = { current: { month: 9, day: 15 }, firstSetAt, corrections: 0, lastBenefitClaimedAt: null };

  it.each<[string, BirthdayHistory, { month: number; day: number }, string, string]>([
    ['first setting', { ...base, current: null, firstSetAt: null }, { month: 5, day: 11 }, '2026-05-10T12:00:00', 'first'],
    ['same value again', base, { month: 9, day: 15 }, '2026-08-01T00:00:00', 'unchanged'],
    ['correction on day 30', base, { month: 10, day: 15 }, '2026-06-09T23:59:59', 'correction'],
    ['correction on day 31', base, { month: 10, day: 15 }, '2026-06-10T00:00:00', 'LOCKED'],
    ['second correction', { ...base, corrections: 1 }, { month: 10, day: 15 }, '2026-05-11T00:00:00', 'LOCKED'],
    ['new birthday within 30 days', base, { month: 6, day: 9 }, '2026-05-11T00:00:00', 'TOO_CLOSE_TO_BIRTHDAY'],
    ['new birthday in 31 days', base, { month: 6, day: 11 }, '2026-05-11T00:00:00', 'correction'],
    ['stored birthday within 30 days', { ...base, current: { month: 6, day: 1 } }, { month: 11, day: 1 }, '2026-05-11T00:00:00', 'TOO_CLOSE_TO_BIRTHDAY'],
    ['benefit claimed this birthday year', { ...base, current: { month: 1, day: 20 }, lastBenefitClaimedAt: shanghai('2026-01-20T10:00:00') }, { month: 11, day: 1 }, '2026-05-11T00:00:00', 'BENEFIT_CLAIMED'],
    ['benefit claimed last birthday year', { ...base, current: { month: 1, day: 20 }, lastBenefitClaimedAt: shanghai('2025-01-20T10:00:00') }, { month: 11, day: 1 }, '2026-05-11T00:00:00', 'correction'],
    ['after a withdrawal, re-setting is the correction', { ...base, current: null }, { month: 11, day: 1 }, '2026-05-11T00:00:00', 'correction'],
  ])('%s', (_label, history, next, at, expected) => {
    const decision = decideBirthdayChange(history, next, shanghai(at));
    expect(decision.allowed ? decision.kind : decision.reason).toBe(expected);
  });

  it('reports the lock state, the corrections left and the end of the correction window', () => {
    expect(birthdayLock({ ...base, firstSetAt: null }, firstSetAt)).toEqual({ state: 'open', correctableUntil: null, correctionsLeft: 0 });
    expect(birthdayLock(base, firstSetAt)).toEqual({ state: 'correctable', correctableUntil: shanghai('2026-06-10T00:00:00'), correctionsLeft: 1 });
    expect(birthdayLock(base, shanghai('2026-06-10T00:00:00'))).toEqual({ state: 'locked', correctableUntil: null, correctionsLeft: 0 });
  });

  it('follows the settings: more corrections, a shorter window, a shorter blackout, or none at all', () => {
    const rules = { maxCorrections: 2, correctionWindowDays: 7, correctionBlackoutDays: 3 };
    const decide = (history: BirthdayHistory, next: { month: number; day: number }, at: string, given = rules): string => {
      const decision = decideBirthdayChange(history, next, shanghai(at), given);
      return decision.allowed ? decision.kind : decision.reason;
    };
    expect(decide({ ...base, corrections: 1 }, { month: 10, day: 15 }, '2026-05-11T00:00:00')).toBe('correction');
    expect(decide({ ...base, corrections: 2 }, { month: 10, day: 15 }, '2026-05-11T00:00:00')).toBe('LOCKED');
    expect(decide(base, { month: 10, day: 15 }, '2026-05-18T00:00:00')).toBe('LOCKED');
    expect(decide(base, { month: 5, day: 15 }, '2026-05-11T00:00:00')).toBe('correction');
    expect(decide(base, { month: 5, day: 13 }, '2026-05-11T00:00:00')).toBe('TOO_CLOSE_TO_BIRTHDAY');
    expect(decide(base, { month: 10, day: 15 }, '2026-05-11T00:00:00', { ...rules, maxCorrections: 0 })).toBe('LOCKED');
    expect(birthdayLock({ ...base, corrections: 1 }, firstSetAt, rules)).toEqual({ state: 'correctable', correctableUntil: shanghai('2026-05-18T00:00:00'), correctionsLeft: 1 });
  });
});

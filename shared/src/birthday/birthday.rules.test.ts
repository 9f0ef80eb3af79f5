import { benefitCouponsValidUntil, benefitWindowFor, birthdayBenefitsLockedText, celebrationUnlocked, describeBenefitWindow, earnsBirthdayMonthRate, firstUnlockedCelebration, formatCalendarDate, isCelebrationDay, selectBenefitWindow, selectUnlockedBenefitWindow, type BenefitWindowRule } from './birthday.rules.js';

const month: BenefitWindowRule = { opens: 'birthday_month', daysBefore: 0, claimDays: null, withinBirthdayMonth: true };
const threeBefore: BenefitWindowRule = { opens: 'days_before', daysBefore: 3, claimDays: 10, withinBirthdayMonth: false };
const onDay: BenefitWindowRule = { opens: 'on_day', daysBefore: 0, claimDays: 7, withinBirthdayMonth: false };
/** The birthday drink: 3 days before for 10 days, but named for the birthday month. */
const drinkInMonth: BenefitWindowRule = { opens: 'days_before', daysBefore: 3, claimDays: 10, withinBirthdayMonth: true };
/** A month rule stored without the flag (the month opening alone binds it). */
const monthWithoutFlag: BenefitWindowRule = { opens: 'birthday_month', daysBefore: 0, claimDays: 40, withinBirthdayMonth: false };

/** An instant given as Shanghai wall-clock time. */
const shanghai = (local: string): Date => new Date(`${local}+08:00`);

describe('benefitWindowFor', () => {
  it.each([
    ['month rule runs from the 1st to the month end', month, { month: 5, day: 20 }, 2026, '2026-05-01', '2026-05-31'],
    ['days_before opens N days before and lasts claimDays', threeBefore, { month: 5, day: 20 }, 2026, '2026-05-17', '2026-05-26'],
    ['on_day opens on the day', onDay, { month: 5, day: 20 }, 2026, '2026-05-20', '2026-05-26'],
    ['days_before crosses into the previous year', threeBefore, { month: 1, day: 2 }, 2027, '2026-12-30', '2027-01-08'],
    ['29 Feb is celebrated on 28 Feb in a common year', onDay, { month: 2, day: 29 }, 2027, '2027-02-28', '2027-03-06'],
    ['29 Feb stays in a leap year', onDay, { month: 2, day: 29 }, 2028, '2028-02-29', '2028-03-06'],
    ['February month window in a leap year ends on the 29th', month, { month: 2, day: 29 }, 2028, '2028-02-01', '2028-02-29'],
    ['December month window ends on 31 Dec', month, { month: 12, day: 31 }, 2026, '2026-12-01', '2026-12-31'],
  ])('%s', (_name, rule, birthday, year, first, last) => {
    const window = benefitWindowFor(rule, birthday, year);
    expect(formatCalendarDate(window.firstDay)).toBe(first);
    expect(formatCalendarDate(window.lastDay)).toBe(last);
  });

  it.each([
    ['mid-month: the window fits in the month as it is', drinkInMonth, { month: 5, day: 20 }, 2026, '2026-05-17', '2026-05-26'],
    ['a 2 March birthday does not open in February', drinkInMonth, { month: 3, day: 2 }, 2026, '2026-03-01', '2026-03-08'],
    ['a 1 March birthday opens on the day', drinkInMonth, { month: 3, day: 1 }, 2026, '2026-03-01', '2026-03-07'],
    ['a 30 April birthday stops on 30 April', drinkInMonth, { month: 4, day: 30 }, 2026, '2026-04-27', '2026-04-30'],
    ['a 2 January birthday neither opens in December nor crosses the year', drinkInMonth, { month: 1, day: 2 }, 2027, '2027-01-01', '2027-01-08'],
    ['a 31 December birthday stops on 31 December', drinkInMonth, { month: 12, day: 31 }, 2026, '2026-12-28', '2026-12-31'],
    ['leap-day member in a common year: 28 Feb, clamped to February', drinkInMonth, { month: 2, day: 29 }, 2027, '2027-02-25', '2027-02-28'],
    ['leap-day member in a leap year: 29 Feb', drinkInMonth, { month: 2, day: 29 }, 2028, '2028-02-26', '2028-02-29'],
    ['a month opening is bound to the month even with claimDays past it', monthWithoutFlag, { month: 4, day: 10 }, 2026, '2026-04-01', '2026-04-30'],
    ['a benefit not named for the month may run past it', onDay, { month: 4, day: 28 }, 2026, '2026-04-28', '2026-05-04'],
  ])('named for the birthday month: %s', (_name, rule, birthday, year, first, last) => {
    const window = benefitWindowFor(rule, birthday, year);
    expect([formatCalendarDate(window.firstDay), formatCalendarDate(window.lastDay)]).toEqual([first, last]);
  });

  it('opens and closes at Asia/Shanghai midnight', () => {
    const window = benefitWindowFor(onDay, { month: 5, day: 20 }, 2026);
    expect(window.opensAt.toISOString()).toBe('2026-05-19T16:00:00.000Z');
    expect(window.closesAt.toISOString()).toBe('2026-05-26T16:00:00.000Z');
  });
});

describe('selectBenefitWindow', () => {
  it.each([
    ['one second before Shanghai midnight of the day is still upcoming', onDay, { month: 5, day: 20 }, '2026-05-19T23:59:59', 'upcoming', 2026],
    ['at Shanghai midnight it opens', onDay, { month: 5, day: 20 }, '2026-05-20T00:00:00', 'open', 2026],
    ['last second of the last day is open', onDay, { month: 5, day: 20 }, '2026-05-26T23:59:59', 'open', 2026],
    ['after the window the next year is upcoming', onDay, { month: 5, day: 20 }, '2026-05-27T00:00:00', 'upcoming', 2027],
    ['a December window for a January birthday belongs to next year', threeBefore, { month: 1, day: 2 }, '2026-12-31T12:00:00', 'open', 2027],
    ['a January claim of a window opened in December', threeBefore, { month: 1, day: 2 }, '2027-01-05T12:00:00', 'open', 2027],
    ['leap-day member: open on 28 Feb of a common year', onDay, { month: 2, day: 29 }, '2027-02-28T08:00:00', 'open', 2027],
    ['leap-day member: not yet on 27 Feb of a common year', onDay, { month: 2, day: 29 }, '2027-02-27T23:59:59', 'upcoming', 2027],
    ['New Year’s Eve birthday month is open on 31 Dec', month, { month: 12, day: 31 }, '2026-12-31T23:59:59', 'open', 2026],
    ['and over on 1 Jan', month, { month: 12, day: 31 }, '2027-01-01T00:00:00', 'upcoming', 2027],
  ])('%s', (_name, rule, birthday, local, state, year) => {
    const selected = selectBenefitWindow(rule, birthday, shanghai(local));
    expect(selected.state).toBe(state);
    expect(selected.window.celebrationYear).toBe(year);
  });
});

describe('benefitCouponsValidUntil', () => {
  it.each([
    ['the month coupon ends at 00:00 Shanghai on 1 June', month, { month: 5, day: 20 }, 2026, '2026-05-31T16:00:00.000Z'],
    ['the drink of a 31 December birthday ends when the year does', drinkInMonth, { month: 12, day: 31 }, 2026, '2026-12-31T16:00:00.000Z'],
    ['a February leap-day member in a common year: 1 March', drinkInMonth, { month: 2, day: 29 }, 2027, '2027-02-28T16:00:00.000Z'],
    ['and in a leap year: 1 March too (29 Feb is inside)', month, { month: 2, day: 29 }, 2028, '2028-02-29T16:00:00.000Z'],
    ['a benefit not named for the month keeps its template validity', onDay, { month: 5, day: 20 }, 2026, null],
  ])('%s', (_name, rule, birthday, year, until) => {
    expect(benefitCouponsValidUntil(rule, benefitWindowFor(rule, birthday, year))?.toISOString() ?? null).toBe(until);
  });
});

describe('selectBenefitWindow for a benefit named for the month', () => {
  it.each([
    ['a 2 March birthday: not yet on 28 Feb', { month: 3, day: 2 }, '2026-02-28T23:59:59', 'upcoming', 2026],
    ['a 2 March birthday: open on 1 March', { month: 3, day: 2 }, '2026-03-01T00:00:00', 'open', 2026],
    ['a 30 April birthday: over on 1 May', { month: 4, day: 30 }, '2026-05-01T00:00:00', 'upcoming', 2027],
    ['a 2 January birthday: not on 31 December', { month: 1, day: 2 }, '2026-12-31T12:00:00', 'upcoming', 2027],
  ])('%s', (_name, birthday, local, state, year) => {
    const selected = selectBenefitWindow(drinkInMonth, birthday, shanghai(local));
    expect([selected.state, selected.window.celebrationYear]).toEqual([state, year]);
  });
});

describe('isCelebrationDay and describeBenefitWindow', () => {
  it('knows the day in Shanghai, not UTC', () => {
    expect(isCelebrationDay({ month: 5, day: 20 }, new Date('2026-05-19T16:00:00.000Z'))).toBe(true);
    expect(isCelebrationDay({ month: 5, day: 20 }, new Date('2026-05-19T15:59:59.000Z'))).toBe(false);
    expect(isCelebrationDay({ month: 2, day: 29 }, shanghai('2027-02-28T10:00:00'))).toBe(true);
  });

  it('says when a package can be claimed', () => {
    expect(describeBenefitWindow(month)).toBe('生日当月1日起可领取至生日当月月底');
    expect(describeBenefitWindow(threeBefore)).toBe('生日前3天起10天内可领取');
    expect(describeBenefitWindow(onDay)).toBe('生日当天起7天内可领取');
    expect(describeBenefitWindow(drinkInMonth)).toBe('生日前3天起10天内可领取（限生日当月）');
  });
});

describe('benefits unlock only for a birthday set long enough before it (minDaysSetBeforeBenefits)', () => {
  const may20 = { month: 5, day: 20 };
  const unlock = (setAt: string | null, minDays = 30) => ({ birthdaySetAt: setAt ? shanghai(setAt) : null, minDays });

  it.each([
    ['set exactly 30 days before: unlocked', '2026-04-20T23:59:00', 30, true],
    ['set 29 days before: locked', '2026-04-21T00:00:00', 30, false],
    ['set on the day itself: locked', '2026-05-20T08:00:00', 30, false],
    ['set after the celebration: locked', '2026-05-25T08:00:00', 30, false],
    ['with 0 days, set on the day: unlocked', '2026-05-20T08:00:00', 0, true],
    ['the day is reckoned in Shanghai (16:30 UTC on 20 April is 21 April)', '2026-04-21T00:30:00', 30, false],
  ])('%s', (_name, setAt, minDays, expected) => {
    expect(celebrationUnlocked({ year: 2026, ...may20 }, unlock(setAt, minDays))).toBe(expected);
  });

  it('an unknown set date unlocks every celebration', () => {
    expect(celebrationUnlocked({ year: 2026, ...may20 }, unlock(null))).toBe(true);
  });

  it('the first unlocked celebration is next year for a late set, and follows the leap day', () => {
    expect(firstUnlockedCelebration(may20, unlock('2026-05-01T12:00:00'), 2026)).toEqual({ year: 2027, month: 5, day: 20 });
    expect(firstUnlockedCelebration(may20, unlock('2026-04-01T12:00:00'), 2026)).toEqual({ year: 2026, month: 5, day: 20 });
    // Set 1 Feb 2027 with a 29 Feb birthday: 28 Feb 2027 is too close; 29 Feb 2028 is the first.
    expect(firstUnlockedCelebration({ month: 2, day: 29 }, unlock('2027-02-01T12:00:00'), 2027)).toEqual({ year: 2028, month: 2, day: 29 });
  });

  it('a locked window gives way to the first unlocked celebration\'s window, upcoming, naming the locked one', () => {
    const selected = selectUnlockedBenefitWindow(month, may20, shanghai('2026-05-10T12:00:00'), unlock('2026-05-01T12:00:00'));
    expect(selected.state).toBe('upcoming');
    expect(formatCalendarDate(selected.window.firstDay)).toBe('2027-05-01');
    expect(selected.locked).toEqual({ year: 2026, month: 5, day: 20 });
    const unlocked = selectUnlockedBenefitWindow(month, may20, shanghai('2026-05-10T12:00:00'), unlock('2026-03-01T12:00:00'));
    expect([unlocked.state, unlocked.window.celebrationYear, unlocked.locked]).toEqual(['open', 2026, null]);
  });

  it.each([
    ['in the birthday month of an unlocked celebration', may20, '2026-05-31T23:59:00', '2026-01-01T12:00:00', true],
    ['outside the birthday month', may20, '2026-06-01T00:00:00', '2026-01-01T12:00:00', false],
    ['in the birthday month of a locked celebration', may20, '2026-05-10T12:00:00', '2026-05-01T12:00:00', false],
    ['the leap-day member in February of a common year', { month: 2, day: 29 }, '2027-02-10T12:00:00', '2026-06-01T12:00:00', true],
    ['the leap-day member in March of a common year', { month: 2, day: 29 }, '2027-03-01T00:00:00', '2026-06-01T12:00:00', false],
  ])('the birthday-month earn rate: %s → %s', (_name, birthday, paidAt, setAt, expected) => {
    expect(earnsBirthdayMonthRate(birthday, shanghai(paidAt), unlock(setAt))).toBe(expected);
  });

  it('tells the member when benefits start', () => {
    expect(birthdayBenefitsLockedText({ year: 2026, month: 5, day: 20 }, { year: 2027, month: 5, day: 20 }, 30)).toBe(
      '生日设置不足30天，2026年的生日礼遇暂不可享受，将从2027年5月20日的生日起享受',
    );
  });
});

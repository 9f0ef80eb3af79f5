import { birthdayFromPicker, pickerDate } from './birthdayChoice';

describe('birthdayFromPicker', () => {
  it('reads month and day, or year, month and day', () => {
    expect(birthdayFromPicker(['06', '15'], false)).toEqual({ month: 6, day: 15, year: null });
    expect(birthdayFromPicker([1990, 6, 15], true)).toEqual({ month: 6, day: 15, year: 1990 });
  });

  it('allows 29 February without a year but not in a common year', () => {
    expect(birthdayFromPicker([2, 29], false)).toEqual({ month: 2, day: 29, year: null });
    expect(birthdayFromPicker([1990, 2, 29], true)).toBeNull();
  });

  it('refuses incomplete or unreadable columns', () => {
    expect(birthdayFromPicker([6], false)).toBeNull();
    expect(birthdayFromPicker([null, 6, 15], true)).toBeNull();
    expect(birthdayFromPicker(['x', '15'], false)).toBeNull();
  });
});

describe('pickerDate', () => {
  const parts = (date: Date): number[] => [date.getFullYear(), date.getMonth() + 1, date.getDate()];

  it('opens at the saved birthday, in a leap year when it has none', () => {
    expect(parts(pickerDate({ month: 2, day: 29, year: null }, false))).toEqual([2000, 2, 29]);
    expect(parts(pickerDate({ month: 3, day: 14, year: 1990 }, true))).toEqual([1990, 3, 14]);
  });

  it('opens at 15 June when nothing is set, inside the month-day range (the leap year) or with a year', () => {
    expect(parts(pickerDate(null, false))).toEqual([2000, 6, 15]);
    expect(parts(pickerDate(null, true))).toEqual([1995, 6, 15]);
  });

  it('drops the year for the month-day wheels, so the default stays within their range', () => {
    expect(parts(pickerDate({ month: 8, day: 1, year: 1988 }, false))).toEqual([2000, 8, 1]);
  });
});

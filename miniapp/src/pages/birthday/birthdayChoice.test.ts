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
  it('opens at the saved birthday, in a leap year when it has none', () => {
    const date = pickerDate({ month: 2, day: 29, year: null });
    expect([date.getFullYear(), date.getMonth() + 1, date.getDate()]).toEqual([2000, 2, 29]);
  });
});

import { isValidBirthday } from '@cakeday/shared';
import { type BirthdayChoice } from '../../hooks/useBirthdaySetting';

/** The picker shows month and day in a leap year, so that 29 February can be chosen without a year. */
export const LEAP_YEAR_FOR_MONTH_DAY = 2000;

/** The picker's column values ([year,] month, day) as a birthday; null if they do not form a real date. */
export function birthdayFromPicker(values: ReadonlyArray<string | number | null>, withYear: boolean): BirthdayChoice | null {
  const numbers = values.map((value) => (value === null ? Number.NaN : Number(value)));
  if (numbers.length !== (withYear ? 3 : 2) || numbers.some((value) => !Number.isInteger(value))) return null;
  const [month = 0, day = 0] = withYear ? numbers.slice(1) : numbers;
  const choice: BirthdayChoice = { month, day, year: withYear ? (numbers[0] ?? null) : null };
  return isValidBirthday(choice) ? choice : null;
}

/**
 * The date the picker opens at for a birthday (or mid-June when none is set). It must lie within the picker's
 * range: without a year that is the leap year's, or the wheels would fall back to 1 January.
 */
export function pickerDate(choice: BirthdayChoice | null, withYear: boolean): Date {
  const [month, day] = choice ? [choice.month, choice.day] : [6, 15];
  const year = withYear ? (choice?.year ?? 1995) : LEAP_YEAR_FOR_MONTH_DAY;
  return new Date(year, month - 1, day);
}

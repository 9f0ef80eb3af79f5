import dayjs, { type Dayjs } from 'dayjs';
import { businessIsoFromWallTime, formatBusinessDateTime } from './businessTime';

/** A stored instant as the picker's value, showing Beijing wall time whatever the browser's zone. */
export function pickerValue(iso: string | null): Dayjs | null {
  return iso ? dayjs(formatBusinessDateTime(iso)) : null;
}

/** The picker's value (Beijing wall time) as the API's instant; null when empty. */
export function instantOf(value: Dayjs | null | undefined): string | null {
  return value ? businessIsoFromWallTime(value.format('YYYY-MM-DD HH:mm:ss')) : null;
}

const DAY_MS = 86_400_000;

/** Every business day from `from` to `to` (`2026-06-01`), inclusive, in order. */
export function businessDaysFrom(from: string, to: string): string[] {
  const days: string[] = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += DAY_MS) days.push(new Date(time).toISOString().slice(0, 10));
  return days;
}

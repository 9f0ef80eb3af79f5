import { limitPeriodKey } from './mall.rules.js';

describe('limitPeriodKey (Asia/Shanghai)', () => {
  it.each([
    ['day', '2026-05-10T16:30:00.000Z', '2026-05-11'],
    // Sunday 23:30 in Shanghai is still the week of Monday 4 May; half past midnight starts the next one.
    ['week', '2026-05-10T15:30:00.000Z', 'W2026-05-04'],
    ['week', '2026-05-10T16:30:00.000Z', 'W2026-05-11'],
    ['week', '2026-01-01T02:00:00.000Z', 'W2025-12-29'],
    ['month', '2026-05-31T16:00:00.000Z', '2026-06'],
    ['year', '2026-12-31T16:00:00.000Z', '2027'],
    ['lifetime', '2026-12-31T16:00:00.000Z', 'lifetime'],
  ] as const)('%s at %s is %s', (period, iso, key) => {
    expect(limitPeriodKey(period, new Date(iso))).toBe(key);
  });
});

import { birthdayCountdown } from './birthdayCountdown';
import { formatBirthday, formatBusinessDate, formatBusinessDateTime } from './dates';
import { greeting } from './greeting';
import { formatYuan } from './money';

describe('formatYuan', () => {
  it.each([
    [50_000, '500'],
    [12_345, '123.45'],
    [5, '0.05'],
    [-1_250, '-12.50'],
  ])('%i fen is ¥%s', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });
});

describe('dates in Asia/Shanghai', () => {
  it('shows the Shanghai calendar date even when UTC is still on the previous day', () => {
    expect(formatBusinessDate('2026-03-13T16:30:00Z')).toBe('2026-03-14');
    expect(formatBusinessDateTime('2026-03-13T16:30:00Z')).toBe('2026-03-14 00:30');
  });

  it('writes a birthday with or without its year', () => {
    expect(formatBirthday({ month: 3, day: 14 })).toBe('3月14日');
    expect(formatBirthday({ month: 3, day: 14, year: 1990 })).toBe('1990年3月14日');
  });
});

describe('greeting', () => {
  it('greets by the hour in Shanghai', () => {
    expect(greeting(new Date('2026-03-14T00:30:00Z'))).toBe('早上好'); // 08:30 in Shanghai
    expect(greeting(new Date('2026-03-14T12:00:00Z'))).toBe('晚上好'); // 20:00
  });
});

describe('birthdayCountdown', () => {
  const now = new Date('2026-03-01T02:00:00Z'); // 1 March, 10:00 in Shanghai

  it('counts the days to a birthday in another month', () => {
    expect(birthdayCountdown({ month: 5, day: 1 }, now).headline).toBe('距离生日还有 61 天');
  });

  it('celebrates on the day itself', () => {
    expect(birthdayCountdown({ month: 3, day: 1 }, now).headline).toBe('生日快乐！');
  });

  it('marks the birthday month, without counting to next year once the day has passed', () => {
    const later = new Date('2026-03-20T02:00:00Z');
    expect(birthdayCountdown({ month: 3, day: 25 }, later)).toEqual({
      headline: '距离生日还有 5 天',
      detail: '本月是你的生日月，消费积分加倍',
    });
    expect(birthdayCountdown({ month: 3, day: 2 }, later).headline).toBe('生日月快乐！');
  });
});

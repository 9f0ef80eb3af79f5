import { businessInstant } from '../time/businessTime.js';
import { pickupDeadline, pickupDeadlineText } from './pickup.rules.js';

describe('pickupDeadline: held for some Shanghai days, until the store closes', () => {
  const hours = { opens: '08:00', closes: '21:00' };

  it('counts calendar days in Shanghai from the day of the order, to the closing time', () => {
    expect(pickupDeadline(businessInstant('2026-11-30T23:30:00'), 3, hours)).toEqual(businessInstant('2026-12-03T21:00:00'));
    // 00:30 in Shanghai on 1 December is still 30 November in UTC: the day is Shanghai's.
    expect(pickupDeadline(businessInstant('2026-12-01T00:30:00'), 3, hours)).toEqual(businessInstant('2026-12-04T21:00:00'));
  });

  it('0 days: the same day; across a month end and a leap day', () => {
    expect(pickupDeadline(businessInstant('2026-12-01T10:00:00'), 0, hours)).toEqual(businessInstant('2026-12-01T21:00:00'));
    expect(pickupDeadline(businessInstant('2028-02-27T10:00:00'), 2, hours)).toEqual(businessInstant('2028-02-29T21:00:00'));
    expect(pickupDeadline(businessInstant('2026-12-30T10:00:00'), 3, hours)).toEqual(businessInstant('2027-01-02T21:00:00'));
  });

  it('a store without hours, or open past midnight, holds it until 23:59', () => {
    expect(pickupDeadline(businessInstant('2026-12-01T10:00:00'), 1, null)).toEqual(businessInstant('2026-12-02T23:59:00'));
    expect(pickupDeadline(businessInstant('2026-12-01T10:00:00'), 1, { opens: '18:00', closes: '02:00' })).toEqual(businessInstant('2026-12-02T23:59:00'));
  });
});

describe('pickupDeadlineText', () => {
  it('names the day, the time and the store in words', () => {
    expect(pickupDeadlineText(businessInstant('2026-12-03T21:00:00'), '南京西路店')).toBe('请于 12月3日 21:00 前到 南京西路店 自提');
  });
});

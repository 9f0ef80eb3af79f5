import { businessInstant } from '../time/businessTime.js';
import { careDueAt, isMemberDay, lapseWindow, lastValidDayText, lifecycleOccurrence } from './lifecycleTriggers.rules.js';

describe('lifecycle triggers (Asia/Shanghai)', () => {
  it('keys each occurrence once per member: the lapse by its last paid day, the member day and the spend by month', () => {
    const lastPaid = businessInstant('2027-01-01T23:30:00');
    expect(lifecycleOccurrence.care(90, lastPaid)).toBe('care90:20270101');
    expect(lifecycleOccurrence.memberDay(businessInstant('2027-03-08T00:10:00'))).toBe('memberDay:202703');
    expect(lifecycleOccurrence.spend(businessInstant('2027-03-31T23:59:00'))).toBe('spend:202703');
    expect(lifecycleOccurrence.pointsMilestone(3000)).toBe('milestone:3000');
  });

  it('finds the silence reaching 90 days today, catching a missed week up; the care is due at 10:00 that day', () => {
    const now = businessInstant('2027-04-01T08:00:00');
    expect(lapseWindow(now, 90)).toEqual({ from: businessInstant('2026-12-25T00:00:00'), until: businessInstant('2027-01-02T00:00:00') });
    expect(careDueAt(businessInstant('2027-01-01T15:00:00'), 90, now)).toEqual(businessInstant('2027-04-01T10:00:00'));
    expect(careDueAt(businessInstant('2026-12-30T15:00:00'), 90, now)).toEqual(now);
  });

  it('the member day is a Shanghai calendar day; points expiring when a year begins last until 31 Dec', () => {
    expect(isMemberDay(businessInstant('2027-03-08T00:00:00'), 8)).toBe(true);
    expect(isMemberDay(businessInstant('2027-03-07T23:59:00'), 8)).toBe(false);
    expect(lastValidDayText(businessInstant('2028-01-01T00:00:00'))).toBe('2027年12月31日');
  });
});

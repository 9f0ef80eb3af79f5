import { businessInstant } from '../time/businessTime.js';
import {
  birthdaysCelebratedWithin,
  businessWeekKey,
  campaignActions,
  campaignTransition,
  dueBirthdaySteps,
  inHoldout,
  inQuietHours,
  nextAllowedSendAt,
  renderCampaignFields,
  submitTarget,
} from './campaigns.rules.js';

const quiet = { start: '21:00', end: '09:00' };

describe('the campaign state machine', () => {
  it.each([
    ['draft', 'submit', 'pending_approval'],
    ['pending_approval', 'approve', 'approved'],
    ['pending_approval', 'reject', 'draft'],
    ['approved', 'start', 'running'],
    ['running', 'pause', 'paused'],
    ['paused', 'resume', 'running'],
    ['paused', 'stop', 'stopped'],
    ['running', 'complete', 'completed'],
    ['draft', 'start', null],
    ['running', 'approve', null],
    ['stopped', 'resume', null],
    ['completed', 'stop', null],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(campaignTransition(from, action)).toBe(to);
  });

  it('offers each state’s moves; a second operator only above the threshold', () => {
    expect(campaignActions('draft')).toEqual(['submit', 'stop']);
    expect(campaignActions('running')).toEqual(['pause', 'stop']);
    expect(campaignActions('stopped')).toEqual([]);
    expect(submitTarget(1001, 1000)).toBe('pending_approval');
    expect(submitTarget(1000, 1000)).toBe('approved');
  });
});

describe('quiet hours (Asia/Shanghai)', () => {
  it.each([
    ['2026-05-10T20:59:00', false, '2026-05-10T20:59:00'],
    ['2026-05-10T21:00:00', true, '2026-05-11T09:00:00'],
    ['2026-05-10T23:30:00', true, '2026-05-11T09:00:00'],
    ['2026-05-11T03:00:00', true, '2026-05-11T09:00:00'],
    ['2026-05-11T09:00:00', false, '2026-05-11T09:00:00'],
  ])('%s quiet: %s, next send %s', (local, isQuiet, next) => {
    expect(inQuietHours(businessInstant(local), quiet)).toBe(isQuiet);
    expect(nextAllowedSendAt(businessInstant(local), quiet)).toEqual(businessInstant(next));
  });

  it('a window within one day, and none', () => {
    expect(inQuietHours(businessInstant('2026-05-10T13:00:00'), { start: '12:00', end: '14:00' })).toBe(true);
    expect(nextAllowedSendAt(businessInstant('2026-05-10T13:00:00'), { start: '12:00', end: '14:00' })).toEqual(businessInstant('2026-05-10T14:00:00'));
    expect(inQuietHours(businessInstant('2026-05-10T13:00:00'), { start: '00:00', end: '00:00' })).toBe(false);
  });
});

describe('weekly caps and holdout', () => {
  it('a week runs Monday to Sunday in Shanghai', () => {
    expect(businessWeekKey(businessInstant('2026-11-23T00:00:00'))).toBe('20261123');
    expect(businessWeekKey(businessInstant('2026-11-29T23:59:00'))).toBe('20261123');
    expect(businessWeekKey(businessInstant('2026-11-30T00:00:00'))).toBe('20261130');
  });

  it('the holdout is deterministic and about its share', () => {
    const ids = Array.from({ length: 2000 }, (_, index) => `m${index}`);
    const held = ids.filter((id) => inHoldout('c1', id, 100));
    expect(held).toEqual(ids.filter((id) => inHoldout('c1', id, 100)));
    expect(held.length).toBeGreaterThan(140);
    expect(held.length).toBeLessThan(260);
    expect(ids.some((id) => inHoldout('c1', id, 0))).toBe(false);
  });
});

describe('birthday steps', () => {
  const offsets = [7, 0];
  it.each([
    ['2026-05-13T08:00:00', { month: 5, day: 20 }, ['2026:T-7']],
    ['2026-05-16T08:00:00', { month: 5, day: 20 }, ['2026:T-7']],
    ['2026-05-12T08:00:00', { month: 5, day: 20 }, []],
    ['2026-05-20T08:00:00', { month: 5, day: 20 }, ['2026:T-0']],
    ['2026-05-21T08:00:00', { month: 5, day: 20 }, []],
    ['2027-02-28T08:00:00', { month: 2, day: 29 }, ['2027:T-0']],
    ['2027-02-21T08:00:00', { month: 2, day: 29 }, ['2027:T-7']],
    ['2028-02-28T08:00:00', { month: 2, day: 29 }, ['2028:T-7']],
    ['2028-02-29T08:00:00', { month: 2, day: 29 }, ['2028:T-0']],
  ])('on %s a member born %j is due %j', (local, birthday, due) => {
    expect(dueBirthdaySteps(birthday, businessInstant(local), offsets).map((step) => step.occurrence)).toEqual(due);
  });

  it('T-7 leaves the quota to T-0; each step is due at 10:00 on its day', () => {
    const [step] = dueBirthdaySteps({ month: 5, day: 20 }, businessInstant('2026-05-13T08:00:00'), offsets);
    expect(step).toMatchObject({ daysBefore: 7, laterSteps: 1, dueAt: businessInstant('2026-05-13T10:00:00') });
  });

  it('the sweep of a common year’s 28 Feb includes 29 Feb birthdays', () => {
    expect(birthdaysCelebratedWithin(businessInstant('2027-02-28T08:00:00'), 0)).toEqual([{ month: 2, day: 28 }, { month: 2, day: 29 }]);
    expect(birthdaysCelebratedWithin(businessInstant('2028-02-28T08:00:00'), 0)).toEqual([{ month: 2, day: 28 }]);
  });
});

it('renders variables into the fields; unknown ones stay visible', () => {
  expect(renderCampaignFields({ thing1: '{{nickname}}的生日礼', thing3: '还有{{daysToBirthday}}天 {{nope}}' }, { nickname: '小明', daysToBirthday: '7', birthdayDate: '', campaignName: '', expiringPoints: '', expiryDate: '', tierName: '', tierBenefit: '' })).toEqual({
    thing1: '小明的生日礼',
    thing3: '还有7天 {{nope}}',
  });
});

import { formatCalendarDate } from '../birthday/birthday.rules.js';
import { DEFAULT_PROGRAM_SETTINGS } from '../settings/settings.defaults.js';
import { helpGoalFor, helpRulesText, helpWindowFor, selectHelpWindow } from './help.rules.js';

const shanghai = (local: string): Date => new Date(`${local}+08:00`);

describe('help window', () => {
  it('runs from 14 days before to 7 days after, Shanghai midnights', () => {
    const window = helpWindowFor({ month: 5, day: 20 }, 2026);
    expect(formatCalendarDate(window.firstDay)).toBe('2026-05-06');
    expect(formatCalendarDate(window.lastDay)).toBe('2026-05-27');
    expect(window.opensAt.toISOString()).toBe('2026-05-05T16:00:00.000Z');
    expect(window.closesAt.toISOString()).toBe('2026-05-27T16:00:00.000Z');
  });

  it.each([
    ['just before opening', { month: 5, day: 20 }, '2026-05-05T23:59:59', false, 2026],
    ['at opening', { month: 5, day: 20 }, '2026-05-06T00:00:00', true, 2026],
    ['last second', { month: 5, day: 20 }, '2026-05-27T23:59:59', true, 2026],
    ['after closing the next birthday is next', { month: 5, day: 20 }, '2026-05-28T00:00:00', false, 2027],
    ['a 5 January birthday opens in December of the year before', { month: 1, day: 5 }, '2026-12-25T12:00:00', true, 2027],
    ['a 28 December birthday is still open on 3 January', { month: 12, day: 28 }, '2027-01-03T12:00:00', true, 2026],
    ['leap-day member in a common year: 28 Feb + 7 = 7 March', { month: 2, day: 29 }, '2027-03-07T12:00:00', true, 2027],
    ['and closed on 8 March', { month: 2, day: 29 }, '2027-03-08T00:00:00', false, 2028],
  ])('%s', (_name, birthday, local, open, year) => {
    const selected = selectHelpWindow(birthday, shanghai(local));
    expect(selected.open).toBe(open);
    expect(selected.window.celebrationYear).toBe(year);
  });
});

describe('goals and rules', () => {
  it('goal per tier from the program settings, at least one', () => {
    const goals = DEFAULT_PROGRAM_SETTINGS.help.goals;
    expect(helpGoalFor('basic', goals)).toBe(5);
    expect(helpGoalFor('gold', goals)).toBe(4);
    expect(helpGoalFor('diamond', goals)).toBe(3);
    expect(helpGoalFor('gold', { ...goals, gold: 0 })).toBe(1);
  });

  it('discloses the fixed goal up front', () => {
    expect(helpRulesText(4, '蛋糕升级券')[0]).toBe('集满4位好友助力即可解锁「蛋糕升级券」，人数固定，无抽奖、无随机。');
  });
});

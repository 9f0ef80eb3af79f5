import { DEFAULT_PROGRAM_SETTINGS } from '../settings/settings.defaults.js';
import { businessInstant } from '../time/businessTime.js';
import { businessDaysBetween, lifecycleStage, nextSegmentChangeAt, rfmScores, type LifecycleThresholds, type MemberActivity } from './segments.rules.js';

const at = businessInstant;
const lifecycle: LifecycleThresholds = { newForDays: 30, silentAfterDays: 90, atRiskAfterDays: 180, lostAfterDays: 365 };
const rfm = DEFAULT_PROGRAM_SETTINGS.segments.rfm;
const member = (overrides: Partial<MemberActivity> = {}): MemberActivity => ({ joinedAt: at('2025-01-10T10:00:00'), lastActiveAt: null, purchases: [], ...overrides });

describe('business days between two instants (Asia/Shanghai calendar)', () => {
  it.each([
    ['2026-05-31T23:59:00', '2026-06-01T00:01:00', 1],
    ['2026-06-01T00:01:00', '2026-06-01T23:59:00', 0],
    // 23:30 UTC on 31 May is already 1 June in Shanghai.
    ['2026-06-01T07:30:00', '2026-06-02T07:29:00', 1],
    ['2026-03-01T23:30:00', '2026-05-30T00:10:00', 90],
  ])('%s → %s is %i', (from, to, days) => {
    expect(businessDaysBetween(at(from), at(to))).toBe(days);
  });
});

describe('lifecycle stages', () => {
  const now = at('2026-06-01T00:10:00');
  it.each<[string, Partial<MemberActivity>, string]>([
    ['joined 29 days ago (by the Shanghai date, 1 minute before midnight)', { joinedAt: at('2026-05-03T23:59:00') }, 'new'],
    ['joined 30 days ago', { joinedAt: at('2026-05-02T23:59:00') }, 'active'],
    ['bought 89 calendar days ago, though 89 × 24 h have not passed', { purchases: [{ at: at('2026-03-04T23:50:00'), fen: 100 }] }, 'active'],
    ['bought 90 calendar days ago late at night (89 days and 24 minutes earlier)', { purchases: [{ at: at('2026-03-03T23:46:00'), fen: 100 }] }, 'silent'],
    ['a page view 10 days ago keeps an old buyer active', { purchases: [{ at: at('2025-02-01T12:00:00'), fen: 100 }], lastActiveAt: at('2026-05-22T12:00:00') }, 'active'],
    ['idle 179 days', { lastActiveAt: at('2025-12-04T09:00:00') }, 'silent'],
    ['idle 180 days', { lastActiveAt: at('2025-12-03T09:00:00') }, 'at_risk'],
    ['idle 364 days', { lastActiveAt: at('2025-06-02T09:00:00') }, 'at_risk'],
    ['idle 365 days', { lastActiveAt: at('2025-06-01T09:00:00') }, 'lost'],
    ['never did anything after joining long ago', {}, 'lost'],
  ])('%s → %s', (_case, overrides, stage) => {
    expect(lifecycleStage(member(overrides), now, lifecycle)).toBe(stage);
  });

  it('follows the thresholds in the settings', () => {
    const lastActiveAt = at('2026-04-01T12:00:00');
    expect(lifecycleStage(member({ lastActiveAt }), now, lifecycle)).toBe('active');
    expect(lifecycleStage(member({ lastActiveAt }), now, { ...lifecycle, silentAfterDays: 60 })).toBe('silent');
  });
});

describe('RFM scores (default cut points: R ≤30/60/90/180 days, F ≥12/6/3/2, M ≥3000/1000/400/150 yuan, over 365 days)', () => {
  const now = at('2026-06-01T08:00:00');
  const purchases = (...list: [string, number][]) => list.map(([when, fen]) => ({ at: at(when), fen }));
  it.each<[string, MemberActivity['purchases'], { r: number; f: number; m: number; recencyDays: number | null; frequency: number; monetaryFen: number }]>([
    ['no purchase', [], { r: 0, f: 0, m: 0, recencyDays: null, frequency: 0, monetaryFen: 0 }],
    ['one small purchase yesterday', purchases(['2026-05-31T23:59:00', 9_900]), { r: 5, f: 1, m: 1, recencyDays: 1, frequency: 1, monetaryFen: 9_900 }],
    ['bought 30 and 31 days ago', purchases(['2026-05-02T00:00:00', 20_000], ['2026-05-01T23:59:00', 20_000]), { r: 5, f: 2, m: 3, recencyDays: 30, frequency: 2, monetaryFen: 40_000 }],
    ['bought 31 days ago only', purchases(['2026-05-01T23:59:00', 15_000]), { r: 4, f: 1, m: 2, recencyDays: 31, frequency: 1, monetaryFen: 15_000 }],
    ['a big spender 181 days ago', purchases(['2025-12-02T10:00:00', 300_000]), { r: 1, f: 1, m: 5, recencyDays: 181, frequency: 1, monetaryFen: 300_000 }],
    // 2025-06-02 is the 364th day back: in the window; 2025-06-01 is the 365th: out of it.
    ['one purchase inside the window, one just outside', purchases(['2025-06-02T00:00:00', 50_000], ['2025-06-01T23:59:00', 500_000]), { r: 1, f: 1, m: 3, recencyDays: 364, frequency: 1, monetaryFen: 50_000 }],
    ['a regular: 12 purchases this year', Array.from({ length: 12 }, (_, n) => ({ at: at(`2026-0${(n % 5) + 1}-1${n % 9}T12:00:00`), fen: 10_000 })), { r: 5, f: 5, m: 4, recencyDays: 18, frequency: 12, monetaryFen: 120_000 }],
  ])('%s', (_case, list, expected) => {
    expect(rfmScores(member({ purchases: list }), now, rfm)).toEqual(expected);
  });

  it('a purchase recorded after now (a skewed clock) does not count yet', () => {
    expect(rfmScores(member({ purchases: purchases(['2026-06-02T10:00:00', 10_000]) }), now, rfm).frequency).toBe(0);
  });
});

describe('when the stage or scores next change by time alone', () => {
  it('is the first Shanghai midnight at which a threshold is crossed', () => {
    const activity = member({ joinedAt: at('2026-05-20T10:00:00'), purchases: [{ at: at('2026-05-25T22:00:00'), fen: 10_000 }] });
    const now = at('2026-05-26T09:00:00');
    // New until 30 days after joining (2026-06-19 00:00); then R drops from 5 to 4 31 days after the purchase.
    expect(nextSegmentChangeAt(activity, now, { lifecycle, rfm })).toEqual(at('2026-06-19T00:00:00'));
    expect(rfmScores(activity, at('2026-06-24T23:59:00'), rfm).r).toBe(5);
    expect(rfmScores(activity, at('2026-06-25T00:00:00'), rfm).r).toBe(4);
    expect(nextSegmentChangeAt(activity, at('2026-06-19T00:00:00'), { lifecycle, rfm })).toEqual(at('2026-06-25T00:00:00'));
  });
});

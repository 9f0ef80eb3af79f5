import { EMPTY_SEGMENT_CONDITIONS, matchesSegment, rfmLevelOf, rfmPoints10, type SegmentFacts } from './segmentConditions.rules.js';

const facts = (overrides: Partial<SegmentFacts> = {}): SegmentFacts => ({
  stage: 'silent',
  rfm: { r: 2, f: 2, m: 2 },
  tier: 'gold',
  birthdayMonth: 6,
  consents: new Set(['marketing_messages']),
  idleDays: 120,
  ...overrides,
});

describe('the birthday plan’s RFM levels on its 10-point scale', () => {
  it.each([
    [{ r: 5, f: 5, m: 5 }, 10, 'gold'],
    [{ r: 4, f: 4, m: 4 }, 8, 'gold'],
    [{ r: 4, f: 4, m: 3 }, 7, 'silver'],
    [{ r: 5, f: 4, m: 2 }, 7, 'silver'],
    [{ r: 2, f: 2, m: 2 }, 4, 'silver'],
    [{ r: 2, f: 2, m: 1 }, 3, 'bronze'],
    [{ r: 2, f: 1, m: 1 }, 3, 'bronze'],
    [{ r: 1, f: 1, m: 0 }, 1, 'bronze'],
    [{ r: 1, f: 0, m: 0 }, 1, 'bronze'],
    [{ r: 0, f: 0, m: 0 }, 0, null],
  ] as const)('%j scores %i: %s', (rfm, points, level) => {
    expect(rfmPoints10(rfm)).toBe(points);
    expect(rfmLevelOf(rfm)).toBe(level);
  });
  it('a member analytics has not scored has no level', () => {
    expect(rfmLevelOf(null)).toBeNull();
  });
});

describe('segment conditions', () => {
  it('no conditions hold everyone, even a member without stats', () => {
    expect(matchesSegment(EMPTY_SEGMENT_CONDITIONS, facts({ stage: null, rfm: null, idleDays: null }))).toBe(true);
  });
  it.each([
    ['stage', { stages: ['silent'] }, true],
    ['other stage', { stages: ['active', 'new'] }, false],
    ['tier', { tiers: ['gold', 'diamond'] }, true],
    ['other tier', { tiers: ['basic'] }, false],
    ['birthday month', { birthdayMonths: [6] }, true],
    ['other month', { birthdayMonths: [7] }, false],
    ['consent given', { consents: ['marketing_messages'] }, true],
    ['consent not given', { consents: ['birthday'] }, false],
    ['R range', { r: { min: 1, max: 2 } }, true],
    ['F range missed', { f: { min: 3, max: 5 } }, false],
    ['RFM level', { rfmLevels: ['silver'] }, true],
    ['other RFM level', { rfmLevels: ['gold'] }, false],
    ['idle at least 90 days', { inactiveForDays: 90 }, true],
    ['idle at least 121 days', { inactiveForDays: 121 }, false],
    ['active within 120 days', { activeWithinDays: 120 }, false],
    ['active within 121 days', { activeWithinDays: 121 }, true],
    ['沉睡会员 · 金卡', { stages: ['silent'], tiers: ['gold'] }, true],
  ] as const)('%s', (_name, conditions, expected) => {
    expect(matchesSegment({ ...EMPTY_SEGMENT_CONDITIONS, ...conditions } as typeof EMPTY_SEGMENT_CONDITIONS, facts())).toBe(expected);
  });
  it('a condition on stats excludes members analytics knows nothing about', () => {
    const unknown = facts({ stage: null, rfm: null, idleDays: null });
    expect(matchesSegment({ ...EMPTY_SEGMENT_CONDITIONS, stages: ['silent'] }, unknown)).toBe(false);
    expect(matchesSegment({ ...EMPTY_SEGMENT_CONDITIONS, inactiveForDays: 1 }, unknown)).toBe(false);
    expect(matchesSegment({ ...EMPTY_SEGMENT_CONDITIONS, rfmLevels: ['bronze'] }, unknown)).toBe(false);
  });
});

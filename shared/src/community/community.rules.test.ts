import { communityPhotoPath, hotScore, HOT_HALF_LIFE_HOURS, memberContentStatus, reportWeight, visibleTo } from './community.rules.js';

const HOUR = 3_600_000;
const at = Date.UTC(2026, 5, 1, 12);

describe('community rules', () => {
  it('热门: a half-life of age weighs as much as doubling the engagement; a comment counts twice a like', () => {
    const newer = hotScore({ likes: 0, comments: 0 }, new Date(at));
    const older = hotScore({ likes: 1, comments: 0 }, new Date(at - HOT_HALF_LIFE_HOURS * HOUR));
    expect(older).toBeCloseTo(newer, 5);
    expect(hotScore({ likes: 0, comments: 1 }, new Date(at))).toBeCloseTo(hotScore({ likes: 2, comments: 0 }, new Date(at)), 6);
    expect(hotScore({ likes: 10, comments: 0 }, new Date(at))).toBeGreaterThan(hotScore({ likes: 9, comments: 0 }, new Date(at)));
    expect(hotScore({ likes: -3, comments: 0 }, new Date(at))).toBe(hotScore({ likes: 0, comments: 0 }, new Date(at)));
  });

  it.each([
    [{ upheld: 0, dismissed: 0 }, 10],
    [{ upheld: 1, dismissed: 0 }, 15],
    [{ upheld: 10, dismissed: 0 }, 30],
    [{ upheld: 0, dismissed: 1 }, 7],
    [{ upheld: 0, dismissed: 10 }, 2],
    [{ upheld: 2, dismissed: 2 }, 14],
  ])('a report of a reporter with %j weighs %i', (record, weight) => {
    expect(reportWeight(record)).toBe(weight);
  });

  it('others see only published content; authors also see theirs in review or rejected, never deleted', () => {
    expect([visibleTo('published', false), visibleTo('pending', false), visibleTo('in_review', false), visibleTo('rejected', false)]).toEqual([true, false, false, false]);
    expect([visibleTo('pending', true), visibleTo('rejected', true), visibleTo('removed', true), visibleTo('deleted', true)]).toEqual([true, true, true, false]);
    expect([memberContentStatus('pending'), memberContentStatus('in_review'), memberContentStatus('removed'), memberContentStatus('deleted')]).toEqual(['reviewing', 'reviewing', 'rejected', null]);
  });

  it('photo addresses are stable', () => {
    expect(communityPhotoPath('abc', 'thumb')).toBe('/media/abc/thumb.jpg');
  });
});

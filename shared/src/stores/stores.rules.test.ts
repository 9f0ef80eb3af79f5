import { distanceMeters, distanceText, isOpenAt } from './stores.rules.js';

describe('store rules', () => {
  it('measures the distance between two points in whole metres', () => {
    const peoplesSquare = { latitude: 31.2304, longitude: 121.4737 };
    const jingan = { latitude: 31.2235, longitude: 121.4453 };
    expect(distanceMeters(peoplesSquare, peoplesSquare)).toBe(0);
    const meters = distanceMeters(peoplesSquare, jingan);
    expect(meters).toBeGreaterThan(2_700);
    expect(meters).toBeLessThan(2_900);
    expect(distanceMeters(jingan, peoplesSquare)).toBe(meters);
  });

  it.each([
    ['07:59 before opening', '2026-05-10T07:59:00+08:00', false],
    ['08:00 at opening', '2026-05-10T08:00:00+08:00', true],
    ['21:59', '2026-05-10T21:59:00+08:00', true],
    ['22:00 at closing', '2026-05-10T22:00:00+08:00', false],
  ])('a day store (08:00–22:00): %s', (_name, at, open) => {
    expect(isOpenAt({ opens: '08:00', closes: '22:00' }, new Date(at))).toBe(open);
  });

  it.each([
    ['23:30', '2026-05-10T23:30:00+08:00', true],
    ['01:59 after midnight', '2026-05-11T01:59:00+08:00', true],
    ['02:00', '2026-05-11T02:00:00+08:00', false],
    ['12:00', '2026-05-11T12:00:00+08:00', false],
  ])('a store open past midnight (18:00–02:00): %s', (_name, at, open) => {
    expect(isOpenAt({ opens: '18:00', closes: '02:00' }, new Date(at))).toBe(open);
  });

  it('writes distances as the list shows them', () => {
    expect([distanceText(850), distanceText(1_234), distanceText(12_000)]).toEqual(['850m', '1.2km', '12.0km']);
  });
});

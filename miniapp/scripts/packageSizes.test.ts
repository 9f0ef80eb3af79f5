import { judgeMainPackage, measurePackages } from './packageSizes';

describe('measurePackages', () => {
  it('counts files under a subpackage root to that subpackage and everything else to the main package', () => {
    const sizes = measurePackages(
      [
        { path: 'app.js', bytes: 100 },
        { path: 'pages/home/index.js', bytes: 50 },
        { path: 'pages/birthday/index.js', bytes: 30 },
        { path: 'pages/birthday/sub-common/a.wxss', bytes: 5 },
        { path: 'pages/birthdays-archive/index.js', bytes: 7 },
      ],
      ['pages/birthday/', 'pages/points'],
    );

    expect(sizes).toEqual({
      mainBytes: 157,
      subpackages: [
        { root: 'pages/birthday', bytes: 35 },
        { root: 'pages/points', bytes: 0 },
      ],
    });
  });
});

describe('judgeMainPackage', () => {
  it.each([
    [700 * 1024, 'ok'],
    [700 * 1024 + 1, 'over-goal'],
    [2 * 1024 * 1024, 'over-goal'],
    [2 * 1024 * 1024 + 1, 'over-limit'],
  ])('%i bytes is %s', (bytes, verdict) => {
    expect(judgeMainPackage(bytes)).toBe(verdict);
  });
});

import { contrastRatio } from './contrast.js';

describe('contrastRatio', () => {
  it('follows WCAG: black on white is 21, a colour on itself 1, the order of the two does not matter', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#c8343f', '#c8343f')).toBe(1);
    expect(contrastRatio('#ffffff', '#e8505b')).toBeCloseTo(contrastRatio('#e8505b', '#ffffff'), 10);
  });

  it('gives the published ratios: the old brand red on white 3.67, antd grey #8c8c8c 3.36', () => {
    expect(contrastRatio('#e8505b', '#ffffff')).toBeCloseTo(3.67, 2);
    expect(contrastRatio('#8c8c8c', '#ffffff')).toBeCloseTo(3.36, 2);
  });

  it('refuses what is not an opaque hex colour', () => {
    expect(() => contrastRatio('rgba(0,0,0,.45)', '#fff')).toThrow('not an opaque');
  });
});

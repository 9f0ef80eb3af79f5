import { code128cValues, code128cWidths } from './code128';

describe('Code 128 (code set C) for the member code', () => {
  it('encodes digit pairs after the start C symbol with the weighted mod-103 checksum', () => {
    // 12 34 56: (105 + 12×1 + 34×2 + 56×3) mod 103 = 353 mod 103 = 44
    expect(code128cValues('123456')).toEqual([105, 12, 34, 56, 44]);
  });

  it('draws 11 modules per symbol and 13 for the stop, starting and ending with a bar', () => {
    const widths = code128cWidths('661234567890123456');
    expect(widths.reduce((sum, width) => sum + width, 0)).toBe(11 * (1 + 9 + 1) + 13);
    expect(widths.length % 2).toBe(1);
    expect(widths.slice(0, 6)).toEqual([2, 1, 1, 2, 3, 2]); // start C
  });

  it('refuses an odd number of digits or anything but digits', () => {
    expect(() => code128cValues('123')).toThrow(RangeError);
    expect(() => code128cValues('12ab')).toThrow(RangeError);
  });
});

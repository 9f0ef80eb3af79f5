import { qrMatrix, qrSvgDataUrl } from './qrSvg';

function finderAt(matrix: boolean[][], top: number, left: number): boolean {
  const ring = [0, 6].every((edge) => [0, 1, 2, 3, 4, 5, 6].every((i) => matrix[top + edge]?.[left + i] && matrix[top + i]?.[left + edge]));
  const gap = [1, 2, 3, 4, 5].every((i) => !matrix[top + 1]?.[left + i]);
  const core = [2, 3, 4].every((i) => [2, 3, 4].every((j) => matrix[top + i]?.[left + j]));
  return ring && gap && core;
}

describe('qrMatrix', () => {
  it('draws the three finder patterns of a real QR code, growing with the text', () => {
    const short = qrMatrix('cp.abc123');
    const size = short.length;
    expect(size).toBe(21); // version 1
    expect(finderAt(short, 0, 0) && finderAt(short, 0, size - 7) && finderAt(short, size - 7, 0)).toBe(true);
    expect(finderAt(short, size - 7, size - 7)).toBe(false);

    expect(qrMatrix('x'.repeat(180)).length).toBeGreaterThan(41);
  });

  it('gives different codes for different tokens', () => {
    expect(qrMatrix('token-a')).not.toEqual(qrMatrix('token-b'));
  });
});

describe('qrSvgDataUrl', () => {
  it('is a base64 SVG whose squares match the dark modules', () => {
    const url = qrSvgDataUrl('cp.abc123');
    expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true);
    const svg = Buffer.from(url.split(',')[1] ?? '', 'base64').toString('ascii');
    const dark = qrMatrix('cp.abc123').flat().filter(Boolean).length;
    expect(svg).toContain('viewBox="0 0 29 29"');
    expect(svg.match(/h1v1h-1z/g)).toHaveLength(dark);
  });
});

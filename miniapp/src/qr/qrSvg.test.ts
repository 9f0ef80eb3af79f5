import jsQR from 'jsqr';
import { qrMatrix, qrSvgDataUrl } from './qrSvg';

function finderAt(matrix: boolean[][], top: number, left: number): boolean {
  const ring = [0, 6].every((edge) => [0, 1, 2, 3, 4, 5, 6].every((i) => matrix[top + edge]?.[left + i] && matrix[top + i]?.[left + edge]));
  const gap = [1, 2, 3, 4, 5].every((i) => !matrix[top + 1]?.[left + i]);
  const core = [2, 3, 4].every((i) => [2, 3, 4].every((j) => matrix[top + i]?.[left + j]));
  return ring && gap && core;
}

const PIXELS_PER_UNIT = 4;

/**
 * Rasterises the SVG the member's screen shows (a white background, then the path's unit squares in black) into
 * RGBA pixels: the path is read command by command (M x y, h, v, z), so anything the renderer writes is drawn.
 */
function rasterise(svg: string): { data: Uint8ClampedArray; width: number; height: number } {
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const path = /<path d="([^"]*)"/.exec(svg);
  if (!viewBox || !path) throw new Error('not a QR svg');
  const width = Number(viewBox[1]) * PIXELS_PER_UNIT;
  const height = Number(viewBox[2]) * PIXELS_PER_UNIT;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  const paint = (x: number, y: number): void => {
    for (let dy = 0; dy < PIXELS_PER_UNIT; dy += 1) {
      for (let dx = 0; dx < PIXELS_PER_UNIT; dx += 1) {
        const offset = ((y * PIXELS_PER_UNIT + dy) * width + x * PIXELS_PER_UNIT + dx) * 4;
        data.set([0, 0, 0, 255], offset);
      }
    }
  };
  let x = 0;
  let y = 0;
  for (const [, command, args] of path[1]!.matchAll(/([MhvzZ])([^MhvzZ]*)/g)) {
    const numbers = args!.trim().split(/[\s,]+/).filter(Boolean).map(Number);
    if (command === 'M') [x, y] = [numbers[0]!, numbers[1]!];
    else if (command === 'h') x += numbers[0]!;
    else if (command === 'v') y += numbers[0]!;
    // A square is `M x y h1 v1 h-1 z`: it fills the unit cell whose top-left corner the M named.
    if (command === 'z' || command === 'Z') paint(x, y - 1);
  }
  return { data, width, height };
}

function decodeDataUrl(url: string): string | null {
  const svg = Buffer.from(url.split(',')[1] ?? '', 'base64').toString('ascii');
  const { data, width, height } = rasterise(svg);
  return jsQR(data, width, height)?.data ?? null;
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

  it.each([
    ['a coupon token', 'cp.6650a1b2c3d4e5f6a7b8c9d0.1767225600.Zm9vYmFyYmF6cXV4'],
    ['an order token', 'od.6650a1b2c3d4e5f6a7b8c9d0.1767225600.c2lnbmF0dXJlLWJ5dGVz'],
    ['a long token (a larger version)', `cp.${'x'.repeat(180)}`],
  ])('decodes back to exactly the token it was made from: %s', (_name, token) => {
    expect(decodeDataUrl(qrSvgDataUrl(token))).toBe(token);
  });
});

import { create } from 'qrcode/lib/core/qrcode';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** WeChat's JS engine has no btoa; the SVG text is ASCII, so one byte per character. */
export function base64Ascii(text: string): string {
  let out = '';
  for (let index = 0; index < text.length; index += 3) {
    const a = text.charCodeAt(index);
    const b = index + 1 < text.length ? text.charCodeAt(index + 1) : Number.NaN;
    const c = index + 2 < text.length ? text.charCodeAt(index + 2) : Number.NaN;
    const triple = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += BASE64[(triple >> 18) & 63]! + BASE64[(triple >> 12) & 63]!;
    out += Number.isNaN(b) ? '=' : BASE64[(triple >> 6) & 63]!;
    out += Number.isNaN(c) ? '=' : BASE64[triple & 63]!;
  }
  return out;
}

/** The QR modules of `text` (row by row, true = dark), error correction M. */
export function qrMatrix(text: string): boolean[][] {
  // Byte segments from char codes: qrcode would otherwise need TextEncoder, which WeChat lacks. Tokens are ASCII.
  const bytes = Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);
  const { modules } = create([{ mode: 'byte', data: bytes }], { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, row) => Array.from({ length: modules.size }, (__, col) => Boolean(modules.get(row, col))));
}

/** A QR code as an SVG data URL for <Image>: one path, a four-module quiet zone. */
export function qrSvgDataUrl(text: string): string {
  const matrix = qrMatrix(text);
  const size = matrix.length + 8;
  const path = matrix
    .flatMap((row, y) => row.map((dark, x) => (dark ? `M${x + 4} ${y + 4}h1v1h-1z` : '')))
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
  return `data:image/svg+xml;base64,${base64Ascii(svg)}`;
}

import { base64Ascii } from './qrSvg';

/**
 * Code 128 bar widths, symbol by symbol (bar, space, bar, space, bar, space; the stop symbol has a seventh bar),
 * from the ISO/IEC 15417 symbol table. The member code is all digits, so it is drawn in code set C: two digits per
 * symbol, an 18-digit code is 9 symbols.
 */
const PATTERNS: readonly string[] = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232',
];
const START_C = 105;
const STOP = '2331112';
const QUIET_MODULES = 10;

/** The symbol values of an even-length digit string in code set C: start, pairs, checksum (mod 103). */
export function code128cValues(digits: string): number[] {
  if (!/^(\d\d)+$/.test(digits)) throw new RangeError('code set C takes an even number of digits');
  const pairs = Array.from({ length: digits.length / 2 }, (_, index) => Number(digits.slice(index * 2, index * 2 + 2)));
  const checksum = pairs.reduce((sum, value, index) => sum + value * (index + 1), START_C) % 103;
  return [START_C, ...pairs, checksum];
}

/** The widths of bars and spaces in modules, alternating from a bar, stop included. */
export function code128cWidths(digits: string): number[] {
  const symbols = code128cValues(digits).map((value) => PATTERNS[value] ?? '');
  return [...symbols, STOP].join('').split('').map(Number);
}

/** The barcode as an SVG data URL for <Image>, with quiet zones; `height` in modules. */
export function code128SvgDataUrl(digits: string, height = 40): string {
  const widths = code128cWidths(digits);
  let x = QUIET_MODULES;
  let path = '';
  widths.forEach((width, index) => {
    if (index % 2 === 0) path += `M${x} 0h${width}v${height}h-${width}z`;
    x += width;
  });
  const total = x + QUIET_MODULES;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${height}" shape-rendering="crispEdges"><rect width="${total}" height="${height}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
  return `data:image/svg+xml;base64,${base64Ascii(svg)}`;
}

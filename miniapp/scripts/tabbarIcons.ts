/**
 * Draws the tab bar's icons (81×81 PNG, normal and selected) from small SVGs with sharp, into
 * src/assets/tabbar/. The PNGs are committed; run again after changing a drawing:
 *   npx tsx miniapp/scripts/tabbarIcons.ts
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const SIZE = 81;
// The tab bar's text colours in app.config.ts (the theme's secondary grey and rose).
const COLORS = { normal: '#76665b', selected: '#c8343f' } as const;

/** Each icon's drawing on a 48×48 grid, stroked in the tab's colour. */
const DRAWINGS: Record<string, string> = {
  home: '<path d="M8 22 L24 9 L40 22"/><path d="M13 19 V39 H35 V19"/><path d="M21 39 V29 H27 V39"/>',
  mall: '<rect x="9" y="19" width="30" height="20" rx="2"/><path d="M7 13 H41 V19 H7 Z"/><path d="M24 13 V39"/><path d="M24 13 C20 5 12 8 16 13 M24 13 C28 5 36 8 32 13"/>',
  community: '<path d="M8 11 H32 V27 H17 L11 32 V27 H8 Z"/><path d="M36 17 H40 V33 H37 V38 L31 33 H21 V31"/><circle cx="15" cy="19" r="0.6"/><circle cx="20" cy="19" r="0.6"/><circle cx="25" cy="19" r="0.6"/>',
  me: '<circle cx="24" cy="17" r="8"/><path d="M9 40 C10 30 17 27 24 27 C31 27 38 30 39 40"/>',
};

function svgOf(drawing: string, color: string): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 48 48">` +
      `<g fill="none" stroke="${color}" stroke-width="3" stroke-linecap="round" stroke-linejoin="round">${drawing}</g></svg>`,
  );
}

async function main(): Promise<void> {
  const out = path.join(__dirname, '..', 'src', 'assets', 'tabbar');
  mkdirSync(out, { recursive: true });
  for (const [name, drawing] of Object.entries(DRAWINGS)) {
    for (const [state, color] of Object.entries(COLORS)) {
      const file = path.join(out, state === 'normal' ? `${name}.png` : `${name}-active.png`);
      await sharp(svgOf(drawing, color)).resize(SIZE, SIZE).png({ compressionLevel: 9, palette: true }).toFile(file);
    }
  }
}

void main();

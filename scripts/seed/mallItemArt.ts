/**
 * Product pictures of the demo mall, drawn as SVG and rendered at seed time (no files in the repository, no
 * network): a soft background and a flat illustration per item, in the mini-program's palette, 4:3 like its item frames.
 */
const frame = (from: string, to: string, body: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
  <rect width="800" height="600" fill="url(#bg)"/>
  <circle cx="120" cy="120" r="80" fill="#ffffff" opacity="0.35"/><circle cx="690" cy="490" r="110" fill="#ffffff" opacity="0.3"/>
  <g transform="translate(100 0)">
  <ellipse cx="300" cy="500" rx="190" ry="26" fill="#000000" opacity="0.08"/>
  ${body}
  </g>
</svg>`;

const candles = [230, 300, 370]
  .map((x) => `<rect x="${x - 8}" y="150" width="16" height="60" rx="6" fill="#ffffff"/><path d="M${x} 118 q14 18 0 30 q-14 -12 0 -30z" fill="#ffb020"/>`)
  .join('');

const cake = frame(
  '#ffe3e0',
  '#fff4e6',
  `${candles}
  <rect x="170" y="210" width="260" height="110" rx="22" fill="#f7a1b0"/>
  <path d="M170 250 q33 30 65 0 q33 30 65 0 q33 30 65 0 q33 30 65 0 v-20 h-260z" fill="#ffffff"/>
  <rect x="130" y="320" width="340" height="150" rx="26" fill="#e0566d"/>
  <path d="M130 360 q42 36 85 0 q42 36 85 0 q42 36 85 0 q42 36 85 0 v-20 h-340z" fill="#ffffff"/>
  <circle cx="200" cy="420" r="10" fill="#ffd36b"/><circle cx="300" cy="430" r="10" fill="#ffd36b"/><circle cx="400" cy="420" r="10" fill="#ffd36b"/>`,
);

const coupon = frame(
  '#ffe0e3',
  '#fff0f0',
  `<g transform="rotate(-8 300 300)">
  <path d="M110 200 h380 a20 20 0 0 1 20 20 v40 a40 40 0 0 0 0 80 v40 a20 20 0 0 1 -20 20 h-380 a20 20 0 0 1 -20 -20 v-40 a40 40 0 0 0 0 -80 v-40 a20 20 0 0 1 20 -20z" fill="#d9363e"/>
  <line x1="380" y1="220" x2="380" y2="380" stroke="#ffffff" stroke-width="6" stroke-dasharray="14 12" opacity="0.8"/>
  <circle cx="235" cy="300" r="62" fill="#ffd36b"/><circle cx="235" cy="300" r="44" fill="none" stroke="#d9363e" stroke-width="10"/>
  <rect x="410" y="260" width="50" height="16" rx="8" fill="#ffffff"/><rect x="410" y="296" width="36" height="16" rx="8" fill="#ffffff" opacity="0.7"/>
  </g>`,
);

const bakingClass = frame(
  '#fff1d6',
  '#fff9ee',
  `<circle cx="230" cy="200" r="62" fill="#ffffff"/><circle cx="310" cy="170" r="74" fill="#ffffff"/><circle cx="385" cy="205" r="58" fill="#ffffff"/>
  <rect x="200" y="210" width="200" height="120" rx="18" fill="#ffffff"/>
  <rect x="200" y="300" width="200" height="34" rx="10" fill="#f0d9b5"/>
  <rect x="120" y="395" width="360" height="36" rx="18" fill="#c98a4b" transform="rotate(-12 300 413)"/>
  <rect x="90" y="404" width="60" height="22" rx="11" fill="#8a5a2b" transform="rotate(-12 300 413)"/><rect x="450" y="404" width="60" height="22" rx="11" fill="#8a5a2b" transform="rotate(-12 300 413)"/>`,
);

const charity = frame(
  '#e4f3ea',
  '#f5fbf6',
  `<path d="M300 250 c-40 -70 -150 -50 -140 30 c8 60 90 110 140 150 c50 -40 132 -90 140 -150 c10 -80 -100 -100 -140 -30z" fill="#e0566d"/>
  <path d="M170 380 h260 a130 80 0 0 1 -260 0z" fill="#ffffff"/>
  <rect x="160" y="370" width="280" height="20" rx="10" fill="#7cc18f"/>
  <circle cx="260" cy="356" r="18" fill="#ffd36b"/><circle cx="330" cy="350" r="14" fill="#ffd36b"/>`,
);

const tote = frame(
  '#fdeee4',
  '#fff8f2',
  `<path d="M230 230 v-40 a70 70 0 0 1 140 0 v40" fill="none" stroke="#b9875a" stroke-width="18" stroke-linecap="round"/>
  <path d="M170 220 h260 l24 250 h-308z" fill="#f3e1c7"/>
  <path d="M170 220 h260 l4 40 h-268z" fill="#e6cca6"/>
  <circle cx="300" cy="355" r="58" fill="#e0566d"/>
  <path d="M300 330 c-10 -18 -40 -14 -38 8 c2 16 24 30 38 40 c14 -10 36 -24 38 -40 c2 -22 -28 -26 -38 -8z" fill="#ffffff"/>`,
);

const tasting = frame(
  '#e8e6ff',
  '#f6f5ff',
  `<path d="M300 120 l60 0 l40 50 l-100 110 l-100 -110 l40 -50z" fill="#8e86e8"/>
  <path d="M240 120 l60 0 l-20 50 h-80z M300 120 l60 0 l40 50 h-80z" fill="#b3adf5"/>
  <path d="M180 330 l240 -40 v150 h-240z" fill="#f7d58b"/>
  <path d="M180 330 l240 -40 v30 l-240 40z" fill="#ffffff"/>
  <path d="M180 395 l240 -30 v22 l-240 30z" fill="#e0566d" opacity="0.85"/>
  <circle cx="390" cy="285" r="16" fill="#d9363e"/>`,
);

const drink = frame(
  '#e6f4ff',
  '#f4faff',
  `<rect x="318" y="90" width="16" height="150" rx="8" fill="#e0566d" transform="rotate(12 326 165)"/>
  <path d="M200 200 h200 l-24 270 a20 20 0 0 1 -20 18 h-112 a20 20 0 0 1 -20 -18z" fill="#ffffff" opacity="0.9"/>
  <path d="M214 300 h172 l-15 168 a16 16 0 0 1 -16 14 h-110 a16 16 0 0 1 -16 -14z" fill="#c98a4b"/>
  <circle cx="260" cy="420" r="12" fill="#3b2a1e"/><circle cx="300" cy="445" r="12" fill="#3b2a1e"/><circle cx="338" cy="415" r="12" fill="#3b2a1e"/>
  <rect x="186" y="180" width="228" height="32" rx="16" fill="#8e86e8"/>`,
);

const birthdayCake = frame(
  '#fff0e0',
  '#fffaf3',
  `${candles}
  <rect x="150" y="210" width="300" height="250" rx="30" fill="#7a4a2e"/>
  <path d="M150 250 q37 34 75 0 q37 34 75 0 q37 34 75 0 q37 34 75 0 v-20 h-300z" fill="#ffffff"/>
  <rect x="150" y="340" width="300" height="22" fill="#f7a1b0"/>
  <circle cx="210" cy="300" r="14" fill="#d9363e"/><circle cx="300" cy="292" r="14" fill="#d9363e"/><circle cx="390" cy="300" r="14" fill="#d9363e"/>`,
);

/** The picture of each demo item, by the item's code (the birthday seeder's gifts included). */
export const mallItemArt: Record<string, string> = {
  'cake-size-upgrade': cake,
  'mall-50-minus-10': coupon,
  'baking-class': bakingClass,
  'charity-breakfast': charity,
  'member-tote': tote,
  'diamond-cake-tasting': tasting,
  'gift-birthday-drink': drink,
  'gift-birthday-cake-6in': birthdayCake,
};

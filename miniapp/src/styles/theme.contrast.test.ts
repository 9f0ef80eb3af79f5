import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { contrastRatio } from '@cakeday/shared';

const SRC = path.join(__dirname, '..');

/** `$name: #hex;` and `$alias: $name;` from _theme.scss. */
function themeColours(): Map<string, string> {
  const colours = new Map<string, string>();
  const source = readFileSync(path.join(__dirname, '_theme.scss'), 'utf8');
  for (const [, name, value] of source.matchAll(/^\$([\w-]+):\s*([^;]+);/gm)) {
    const resolved = value!.startsWith('$') ? colours.get(value!.slice(1)) : value;
    if (resolved?.startsWith('#')) colours.set(name!, resolved);
  }
  return colours;
}

const WHITE = '#ffffff';

/** Every foreground/background pair the stylesheets use for text, by token name (or white). */
const TEXT_PAIRS: [foreground: string, background: string][] = [
  ['text', 'page-background'],
  ['text', 'card'],
  ['text-secondary', 'page-background'],
  ['text-secondary', 'card'],
  ['primary', 'card'],
  ['primary', 'page-background'],
  ['primary-text', 'page-background'],
  ['on-primary', 'primary'],
  ['on-primary', 'primary-light'],
  ['on-primary', 'gold'],
  ['on-primary', 'neutral-strong'],
  ['on-primary', 'primary-disabled'],
  ['primary-disabled', 'card'],
  ['disabled-text', 'card'],
  ['gold', 'card'],
  ['warning-text', 'warning-background'],
  ['warning-text', 'card'],
  ['success-text', 'card'],
  ['info-text', 'card'],
];

function stylesheets(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) return stylesheets(file);
    return /\.(scss|tsx?)$/.test(name) ? [file] : [];
  });
}

describe('the theme colours', () => {
  const colours = themeColours();
  const colour = (token: string): string => {
    if (token === 'white') return WHITE;
    const value = colours.get(token);
    if (!value) throw new Error(`_theme.scss has no colour $${token}`);
    return value;
  };

  it.each(TEXT_PAIRS)('$%s on $%s reads at WCAG AA (4.5:1)', (foreground, background) => {
    expect(contrastRatio(colour(foreground), colour(background))).toBeGreaterThanOrEqual(4.5);
  });

  it('are the only place the retired low-contrast colours could come back from', () => {
    const retired = /#(e8505b|8c7b70|b8860b|b26a00|ffadbe|d4a24c|c8902e|c9bcb3|b0a494)\b/i;
    const offenders = stylesheets(SRC).filter((file) => path.dirname(file) !== __dirname).filter((file) => retired.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => path.relative(SRC, file))).toEqual([]);
  });
});

import { theme } from 'antd';
import { contrastRatio } from '@cakeday/shared';
import { consoleTheme } from './consoleTheme';

const token = theme.getDesignToken(consoleTheme);
const WHITE = '#ffffff';

/** The text pairs antd draws from these tokens: text on a card or the page, and white on a filled button. */
const TEXT_PAIRS: [name: string, foreground: string, background: string][] = [
  ['white on the primary button', WHITE, token.colorPrimary],
  ['white on the danger button', WHITE, token.colorError],
  ['links on a card', token.colorLink, token.colorBgContainer],
  ['secondary text on a card', token.colorTextDescription, token.colorBgContainer],
  ['secondary text on the page', token.colorTextDescription, token.colorBgLayout],
  ['tertiary text on a card', token.colorTextTertiary, token.colorBgContainer],
  ['success text', token.colorSuccess, token.colorBgContainer],
  ['warning text', token.colorWarning, token.colorBgContainer],
  ['error text', token.colorError, token.colorBgContainer],
];

describe('the console theme', () => {
  it.each(TEXT_PAIRS)('%s reads at WCAG AA (4.5:1)', (_name, foreground, background) => {
    expect(contrastRatio(foreground, background)).toBeGreaterThanOrEqual(4.5);
  });
});

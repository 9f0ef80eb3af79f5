import { type ThemeConfig } from 'antd';

/**
 * antd's defaults read below WCAG AA: white on the #1677ff primary button and links is 4.1:1, the secondary grey
 * (#8c8c8c, rgba(0,0,0,.45)) 3.4:1, the #ff4d4f danger button 3.3:1. These darker shades keep the same hues at 4.5:1
 * or more; consoleTheme.test.ts checks every pair.
 */
export const consoleTheme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorInfo: '#0958d9',
    colorLink: '#0958d9',
    colorSuccess: '#237804',
    colorWarning: '#874d00',
    colorError: '#cf1322',
    colorTextTertiary: '#666666',
    colorTextDescription: '#666666',
  },
};

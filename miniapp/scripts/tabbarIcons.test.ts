import { readFileSync } from 'node:fs';
import path from 'node:path';

interface TabItem {
  pagePath: string;
  text: string;
  iconPath?: string;
  selectedIconPath?: string;
}

/** The PNG's size from its IHDR chunk (bytes 16–23), and whether it is a PNG at all. */
function pngSize(file: string): { png: boolean; width: number; height: number } {
  const bytes = readFileSync(file);
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { png, width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the tab bar', () => {
  it('gives every tab a real 81×81 PNG icon, normal and selected, different from each other', () => {
    (globalThis as { defineAppConfig?: (config: unknown) => unknown }).defineAppConfig = (config) => config;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require('../src/app.config').default as { tabBar: { list: TabItem[] }; pages: string[] };
    const tabs = config.tabBar.list;
    expect(tabs.map((tab) => tab.text)).toEqual(['首页', '积分商城', '社区', '我的']);
    for (const tab of tabs) {
      expect(config.pages).toContain(tab.pagePath);
      for (const icon of [tab.iconPath, tab.selectedIconPath]) {
        expect(icon).toMatch(/^assets\/tabbar\/.+\.png$/);
        expect(pngSize(path.join(__dirname, '..', 'src', icon!))).toEqual({ png: true, width: 81, height: 81 });
      }
      expect(readFileSync(path.join(__dirname, '..', 'src', tab.iconPath!)).equals(readFileSync(path.join(__dirname, '..', 'src', tab.selectedIconPath!)))).toBe(false);
    }
  });
});

import Taro from '@tarojs/taro';
import { brightenWhileShown } from './screenBrightness.weapp';

describe('brightenWhileShown (weapp)', () => {
  it('turns the screen to full brightness while a code is shown and gives the member’s brightness back after', async () => {
    const calls: string[] = [];
    let brightened = (): void => undefined;
    const fullBrightness = new Promise<void>((resolve) => {
      brightened = resolve;
    });
    Object.assign(Taro, {
      getScreenBrightness: async () => ({ value: 0.3 }),
      setScreenBrightness: async ({ value }: { value: number }) => {
        calls.push(`brightness ${value}`);
        if (value === 1) brightened();
      },
      setKeepScreenOn: async ({ keepScreenOn }: { keepScreenOn: boolean }) => void calls.push(`keep on ${keepScreenOn}`),
    });

    const restore = brightenWhileShown();
    await fullBrightness;
    expect(calls).toEqual(expect.arrayContaining(['keep on true', 'brightness 1']));

    restore();
    expect(calls.slice(-2)).toEqual(['brightness 0.3', 'keep on false']);
  });
});

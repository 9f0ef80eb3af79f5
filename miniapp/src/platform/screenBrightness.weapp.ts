import Taro from '@tarojs/taro';

export function brightenWhileShown(): () => void {
  let before: number | null = null;
  let restored = false;
  void Taro.getScreenBrightness()
    .then(({ value }) => {
      if (restored) return;
      before = value;
      return Taro.setScreenBrightness({ value: 1 });
    })
    .catch(() => undefined);
  void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
  return () => {
    restored = true;
    if (before !== null) void Taro.setScreenBrightness({ value: before }).catch(() => undefined);
    void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined);
  };
}

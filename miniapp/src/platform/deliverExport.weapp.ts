import Taro from '@tarojs/taro';

/** A mini-program cannot hand a file to the member directly; the clipboard works everywhere in WeChat. */
export async function deliverExport(json: string): Promise<string> {
  await Taro.setClipboardData({ data: json });
  return '数据已复制';
}

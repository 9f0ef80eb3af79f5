import Taro from '@tarojs/taro';

/** A one-time code from WeChat; the BFF exchanges it for the member's session. */
export async function obtainLoginCode(): Promise<string> {
  const { code } = await Taro.login();
  return code;
}

import Taro from '@tarojs/taro';
import { ApiError } from '../api/apiError';

export async function savePoster(imageBase64: string, name: string): Promise<string> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${name}.png`;
  try {
    Taro.getFileSystemManager().writeFileSync(filePath, imageBase64, 'base64');
    await Taro.saveImageToPhotosAlbum({ filePath });
    return '海报已保存到相册';
  } catch (error) {
    const message = typeof error === 'object' && error !== null && 'errMsg' in error ? String((error as { errMsg: unknown }).errMsg) : '';
    if (/cancel|deny|auth/i.test(message)) return '未获得相册权限，可长按海报保存';
    throw new ApiError('SERVICE_UNAVAILABLE', 0);
  }
}

import Taro from '@tarojs/taro';
import { Button, View, type BaseEventOrig } from '@tarojs/components';
import { Avatar } from './Avatar';
import { type AvatarPickerProps } from './AvatarPicker';
import { showErrorToast } from './feedback';
import { ApiError } from '../api/apiError';
import './AvatarPicker.scss';

/** WeChat's chooseAvatar hands a temporary file: made small first (an album photo can be megabytes), then read. */
export async function readAvatarFile(tempPath: string): Promise<string> {
  const small = await Taro.compressImage({ src: tempPath, quality: 80, compressedWidth: 320 }).then(
    (result) => result.tempFilePath,
    () => tempPath,
  );
  const file = Taro.getFileSystemManager().readFileSync(small, 'base64');
  return typeof file === 'string' ? file : Taro.arrayBufferToBase64(file);
}

export function AvatarPicker({ person, pending, onImage }: AvatarPickerProps): JSX.Element {
  const choose = async (event: BaseEventOrig<{ avatarUrl: string }>): Promise<void> => {
    try {
      onImage(await readAvatarFile(event.detail.avatarUrl));
    } catch {
      showErrorToast(new ApiError('SERVICE_UNAVAILABLE', 0));
    }
  };
  return (
    <Button className='avatar-picker' openType='chooseAvatar' disabled={pending} onChooseAvatar={(event) => void choose(event)} aria-label='更换头像'>
      <Avatar person={person} size='large' />
      <View className='avatar-picker__badge'>{pending ? '上传中' : '换头像'}</View>
    </Button>
  );
}

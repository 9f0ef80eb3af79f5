import { View } from '@tarojs/components';
import { type ChangeEvent } from 'react';
import { Avatar } from './Avatar';
import { type AvatarPickerProps } from './AvatarPicker';
import { showErrorToast } from './feedback';
import { ApiError } from '../api/apiError';
import { avatarFileToBase64 } from './avatarFile';
import './AvatarPicker.scss';

/** A browser has no avatar sheet: a file input (an image from the device), sized down before upload. */
export function AvatarPicker({ person, pending, onImage }: AvatarPickerProps): JSX.Element {
  const choose = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const input = event.target;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      onImage(await avatarFileToBase64(file));
    } catch {
      showErrorToast(new ApiError('AVATAR_TYPE_UNSUPPORTED', 422));
    }
  };
  return (
    <label className='avatar-picker' aria-label='更换头像'>
      <Avatar person={person} size='large' />
      <View className='avatar-picker__badge'>{pending ? '上传中' : '换头像'}</View>
      <input
        className='avatar-picker__file'
        type='file'
        accept='image/jpeg,image/png,image/webp'
        disabled={pending}
        onChange={(event) => void choose(event)}
      />
    </label>
  );
}

import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ApiError } from '../api/apiError';
import { showErrorToast } from './feedback';
import { type TokenSourceProps } from './TokenSource';
import './TokenSource.scss';

/**
 * Scans the QR on the member's phone; closing the camera is not an error. When the scan fails (a cracked screen,
 * glare) the staff member types the numeric code printed under the QR.
 */
export function TokenSource({ pending, onToken }: TokenSourceProps): JSX.Element {
  const [typed, setTyped] = useState('');
  const scan = async (): Promise<void> => {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      if (result) onToken(result);
    } catch (error) {
      const message = typeof error === 'object' && error !== null && 'errMsg' in error ? String((error as { errMsg: unknown }).errMsg) : '';
      if (!/cancel/i.test(message)) showErrorToast(new ApiError('WRITEOFF_TOKEN_INVALID', 0));
    }
  };
  return (
    <View className='token-source'>
      <Button block type='primary' size='large' loading={pending} onClick={() => void scan()}>
        扫码核销
      </Button>
      <View className='token-source__typed'>
        <Input
          className='token-source__input token-source__input--digits'
          type='number'
          maxlength={14}
          value={typed}
          placeholder='扫不出来？输入二维码下的数字码'
          aria-label='输入数字码'
          onInput={(event) => setTyped(event.detail.value)}
        />
        <Button block fill='outline' disabled={typed.trim() === '' || pending} onClick={() => onToken(typed)}>
          查询数字码
        </Button>
      </View>
    </View>
  );
}

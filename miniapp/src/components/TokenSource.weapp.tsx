import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { ApiError } from '../api/apiError';
import { showErrorToast } from './feedback';
import { type TokenSourceProps } from './TokenSource';

/** Scans the QR on the member's phone; closing the camera is not an error. */
export function TokenSource({ pending, onToken }: TokenSourceProps): JSX.Element {
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
    <Button block type='primary' size='large' loading={pending} onClick={() => void scan()}>
      扫码核销
    </Button>
  );
}

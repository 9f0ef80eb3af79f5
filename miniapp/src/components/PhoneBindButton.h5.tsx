import { Button } from '@nutui/nutui-react-taro';
import { type PhoneBindButtonProps } from './PhoneBindButton';
import { showErrorToast } from './feedback';
import { devLoginUser } from '../auth/devLoginUser';
import { ApiError } from '../api/apiError';
import { mintSandboxPhoneCode } from '../sandbox/sandboxControl';

/** Outside WeChat the phone code comes from the sandbox; a production H5 build cannot bind a phone. */
export function PhoneBindButton({ pending, onCode }: PhoneBindButtonProps): JSX.Element {
  const bind = async (): Promise<void> => {
    try {
      if (!process.env.TARO_APP_SANDBOX_URL) {
        throw new ApiError('SERVICE_UNAVAILABLE', 0);
      }
      onCode(await mintSandboxPhoneCode(devLoginUser()));
    } catch (error) {
      showErrorToast(error);
    }
  };
  return (
    <Button type='primary' size='small' loading={pending} onClick={() => void bind()}>
      绑定手机号
    </Button>
  );
}

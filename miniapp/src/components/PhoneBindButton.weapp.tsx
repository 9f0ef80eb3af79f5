import { type BaseEventOrig, type ButtonProps } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { type PhoneBindButtonProps } from './PhoneBindButton';
import { showErrorToast } from './feedback';
import { ApiError } from '../api/apiError';

/** WeChat shows its own phone sheet; a refusal simply leaves the phone unbound. */
export function PhoneBindButton({ pending, onCode }: PhoneBindButtonProps): JSX.Element {
  const handle = (event: BaseEventOrig<ButtonProps.onGetPhoneNumberEventDetail>): void => {
    const { code, errMsg } = event.detail;
    if (code) onCode(code);
    else if (!/deny|cancel/i.test(errMsg)) showErrorToast(new ApiError('SERVICE_UNAVAILABLE', 0));
  };
  return (
    <Button type='primary' size='small' loading={pending} openType='getPhoneNumber' onGetPhoneNumber={handle}>
      绑定手机号
    </Button>
  );
}

import { call } from '../api/client';
import { showSuccessToast } from '../components/feedback';
import { useAction, type Action } from './useAction';

/** Exchanges a phone code (WeChat's getPhoneNumber, or the sandbox's on H5) for the bound, masked number. */
export function useBindPhone(onBound: (phoneMasked: string) => void): Action<[code: string], void> {
  return useAction(async (code: string) => {
    const { phoneMasked } = await call('members.bindPhone', { code });
    showSuccessToast('手机号已绑定');
    onBound(phoneMasked);
  });
}

import Taro from '@tarojs/taro';
import { call } from '../api/client';
import { forgetSession } from '../auth/session';
import { useAction, type Action } from './useAction';

/** Deletes the account for good; the BFF ends every session, and the app returns to a logged-out home. */
export function useAccountDeletion(): Action<[], void> {
  return useAction(async () => {
    await call('members.delete', { confirm: true });
    forgetSession();
    await Taro.reLaunch({ url: '/pages/home/index' });
  });
}

import Taro from '@tarojs/taro';
import { logOut } from '../auth/session';
import { useAction, type Action } from './useAction';

export function useSignOut(): Action<[], void> {
  return useAction(async () => {
    await logOut();
    await Taro.reLaunch({ url: '/pages/home/index' });
  });
}

import { type RouteResponse } from '@cakeday/shared';
import Taro from '@tarojs/taro';
import { call } from '../api/client';
import { logIn } from '../auth/session';
import { readToken } from '../auth/sessionStore';
import { showSuccessToast } from '../components/feedback';
import { useAction, type Action } from './useAction';
import { usePoster, type PosterState } from './usePoster';
import { useRemoteData, type RemoteData } from './useRemoteData';

export type ReferralMine = RouteResponse<'referral.mine'>;

export interface ReferralState extends RemoteData<ReferralMine> {
  poster: PosterState;
  copyCode: Action<[], void>;
}

/** 邀请好友: the member's code, the invite card, the rules and who joined through them. */
export function useReferral(): ReferralState {
  const remote = useRemoteData(() => call('referral.mine', {}));
  const poster = usePoster(() => call('referral.poster', {}), 'cakeday-invite');
  const copyCode = useAction(async () => {
    if (!remote.data) return;
    await Taro.setClipboardData({ data: remote.data.code });
    showSuccessToast('邀请码已复制');
  });
  return { ...remote, poster, copyCode };
}

/**
 * The invite landing page's button: a visitor who is not logged in joins now (the share's referral code goes
 * along with the first login); then home.
 */
export function useJoinFromInvite(): Action<[], void> {
  return useAction(async () => {
    if (!readToken()) await logIn();
    await Taro.switchTab({ url: '/pages/home/index' });
  });
}

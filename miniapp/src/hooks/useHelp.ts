import { type RouteResponse } from '@cakeday/shared';
import { ApiError } from '../api/apiError';
import { call } from '../api/client';
import { showSuccessToast } from '../components/feedback';
import { useAction, type Action } from './useAction';
import { usePoster, type PosterState } from './usePoster';
import { useRemoteData, type RemoteData } from './useRemoteData';

export type HelpMine = RouteResponse<'help.mine'>;
export type HelpCard = RouteResponse<'help.get'>;
export type HelpCampaign = HelpCard['campaign'];

export interface MyHelpState extends RemoteData<HelpMine> {
  start: Action<[], void>;
  poster: PosterState;
}

/** The member's own birthday help campaign: the rules up front, start it, follow its progress. */
export function useMyHelp(): MyHelpState {
  const remote = useRemoteData(() => call('help.mine', {}));
  const start = useAction(async () => {
    await call('help.start', {});
    showSuccessToast('助力已发起');
    await remote.reload();
  });
  const poster = usePoster(() => call('help.poster', {}), 'cakeday-help');
  return { ...remote, start, poster };
}

export interface HelpCardState extends RemoteData<HelpCard> {
  /** 助力: logs the friend in silently when needed; refusals arrive as polite toasts. */
  assist: Action<[], void>;
}

/** A friend's view of a help card, by share id; public, so it shows before any login. */
export function useHelpCard(shareId: string | null): HelpCardState {
  const remote = useRemoteData(() => (shareId ? call('help.get', { shareId }) : Promise.reject(new ApiError('NOT_FOUND', 404))));
  const assist = useAction(async () => {
    if (!shareId) return;
    const result = await call('help.assist', { shareId });
    if (result.unlockedNow) showSuccessToast('助力成功，礼物已解锁！');
    else showSuccessToast(result.counted ? '助力成功' : '你已经助力过了');
    await remote.reload();
  });
  return { ...remote, assist };
}

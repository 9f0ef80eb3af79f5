import { type RatedSubject, type RouteResponse } from '@cakeday/shared';
import { call } from '../api/client';
import { useAction, type Action } from './useAction';
import { useRemoteData, type RemoteData } from './useRemoteData';

export type RatingState = RouteResponse<'satisfaction.ratingOf'>;
export type NpsState = RouteResponse<'satisfaction.npsMine'>;

/** The member's rating of one order or write-off, and the action that submits it. */
export function useRating(
  subject: { type: RatedSubject; id: string },
  options: { loadOnMount?: boolean } = {},
): { state: RemoteData<RatingState>; submit: Action<[number, string], RouteResponse<'satisfaction.rate'>> } {
  const state = useRemoteData(() => call('satisfaction.ratingOf', { subject }), options);
  const submit = useAction(async (stars: number, comment: string) => {
    const rated = await call('satisfaction.rate', { subject, stars, comment });
    await state.reload();
    return rated;
  });
  return { state, submit };
}

/** This quarter's NPS question: whether it is answered, and the action that answers it. */
export function useNps(delivery: string | undefined): { state: RemoteData<NpsState>; submit: Action<[number, string], RouteResponse<'satisfaction.nps'>> } {
  const state = useRemoteData(() => call('satisfaction.npsMine', {}));
  const submit = useAction(async (score: number, comment: string) => {
    const answered = await call('satisfaction.nps', { score, comment, ...(delivery ? { delivery } : {}) });
    await state.reload();
    return answered;
  });
  return { state, submit };
}

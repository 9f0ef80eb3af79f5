import { type RouteResponse } from '@cakeday/shared';
import { call } from '../api/client';
import { useRemoteData, type RemoteData } from './useRemoteData';

export type Member = RouteResponse<'members.me'>;

/** The member's profile, tier and points, fresh each time the page shows. */
export function useMember(): RemoteData<Member> {
  return useRemoteData(() => call('members.me', {}));
}

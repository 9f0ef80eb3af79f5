import { type RouteResponse } from '@cakeday/shared';
import { call } from '../api/client';
import { useRemoteData, type RemoteData } from './useRemoteData';

export type Invite = RouteResponse<'referral.invite'>;

/** The invite landing's facts (referral.invite, public): who invites, what a newcomer gets. */
export function useInvite(referralCode: string | null): RemoteData<Invite> {
  return useRemoteData(async () => (referralCode ? call('referral.invite', { code: referralCode }) : { inviter: null, welcome: null }));
}

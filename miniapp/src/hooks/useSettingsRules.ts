import { type RouteResponse } from '@cakeday/shared';
import { call } from '../api/client';
import { useRemoteData, type RemoteData } from './useRemoteData';

export type SettingsRules = RouteResponse<'settings.rules'>;

/** The program's rules in force (settings.rules, public): rates, thresholds, expiry, birthday, help and referral rules. */
export function useSettingsRules(): RemoteData<SettingsRules> {
  return useRemoteData(() => call('settings.rules', {}));
}

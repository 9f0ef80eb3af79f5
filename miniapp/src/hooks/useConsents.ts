import { type ConsentPurpose, type RouteResponse } from '@cakeday/shared';
import { call } from '../api/client';
import { useAction, type Action } from './useAction';
import { useRemoteData, type RemoteData } from './useRemoteData';

export type Consents = RouteResponse<'consents.list'>;
export type ConsentStatusView = Consents['consents'][number];

export interface ConsentsState extends RemoteData<Consents> {
  /** Grants the version of the text shown with the switch, or withdraws; then reloads. */
  setGranted: Action<[status: ConsentStatusView, granted: boolean], void>;
}

export function useConsents(): ConsentsState {
  const remote = useRemoteData(() => call('consents.list', {}));
  const setGranted = useAction(async (status: ConsentStatusView, granted: boolean) => {
    const purpose: ConsentPurpose = status.purpose;
    if (granted) await call('consents.grant', { purpose, version: status.currentVersion });
    else await call('consents.withdraw', { purpose });
    await remote.reload();
  });
  return { ...remote, setGranted };
}

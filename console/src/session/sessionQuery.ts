import type { OpsSession } from '@cakeday/shared';
import type { QueryClient } from '@tanstack/react-query';
import { OpsApiError } from '../api/opsApiError';
import { opsCall } from '../api/opsClient';
import { hasSignedInHint, rememberSignedIn } from './signedInHint';

/** The signed-in operator (`ops.me`), or null when nobody is signed in; the whole app reads it from here. */
export const SESSION_KEY = ['ops.me'] as const;

export async function fetchSession(): Promise<OpsSession | null> {
  if (!hasSignedInHint()) return null;
  try {
    return await opsCall('ops.me', {});
  } catch (error) {
    if (error instanceof OpsApiError && error.status === 401) return null;
    throw error;
  }
}

/** After logging in, a password change, logging out or a 401: the session the app shows from now on. */
export function setSession(queryClient: QueryClient, session: OpsSession | null): void {
  rememberSignedIn(session !== null);
  if (session === null) queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  queryClient.setQueryData(SESSION_KEY, session);
}

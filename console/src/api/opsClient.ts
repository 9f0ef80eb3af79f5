import { routePath } from '@cakeday/shared';
import { OpsApiError } from './opsApiError';
import type { OpsInput, OpsJsonRouteName, OpsResponse, OpsRouteName } from './opsRoutes';
import { reportUnauthenticated } from './unauthenticated';

/** A 401 from these means wrong credentials, not a lost session. */
const SESSION_ROUTES: ReadonlySet<OpsRouteName> = new Set<OpsRouteName>(['ops.login']);

/** Posts `input` as JSON to `/api/<name>` with the session cookie; network failures become NETWORK_ERROR. */
export async function opsFetch(name: OpsRouteName, input: unknown, signal?: AbortSignal): Promise<Response> {
  try {
    return await fetch(routePath(name), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(input ?? {}),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw OpsApiError.network();
  }
}

/** Rejects a non-2xx answer with its OpsApiError; a 401 outside logging in also ends the session in the app. */
export async function assertOk(name: OpsRouteName, response: Response): Promise<void> {
  if (response.ok) return;
  const body: unknown = await response.json().catch(() => null);
  const error = OpsApiError.fromResponse(response.status, body);
  if (response.status === 401 && !SESSION_ROUTES.has(name)) reportUnauthenticated();
  throw error;
}

/**
 * The console's network path for JSON routes: `POST /api/<name>` typed by the shared route table. Resolves with
 * the response body on 2xx and rejects with an OpsApiError otherwise.
 */
export async function opsCall<N extends OpsJsonRouteName>(name: N, input: OpsInput<N>, signal?: AbortSignal): Promise<OpsResponse<N>> {
  const response = await opsFetch(name, input, signal);
  await assertOk(name, response);
  return (await response.json()) as OpsResponse<N>;
}

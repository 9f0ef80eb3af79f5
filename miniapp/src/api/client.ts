import Taro from '@tarojs/taro';
import { routePath, type RouteInput, type RouteName, type RouteResponse } from '@cakeday/shared';
import { ApiError } from './apiError';
import { PUBLIC_ROUTES } from './publicRoutes';

/** What the client needs from the login module; injected so that the two do not import each other. */
export interface SessionProvider {
  /** The bearer token, or null when there is none. */
  token(): string | null;
  /** Logs in again silently; resolves to the new token, or null when the member chose to be logged out. */
  renew(): Promise<string | null>;
}

interface RequestParams {
  url: string;
  header: Record<string, string>;
  data: unknown;
}

type RequestInterceptor = (params: RequestParams) => RequestParams;

const noSession: SessionProvider = { token: () => null, renew: async () => null };
let session: SessionProvider = noSession;

export function setSessionProvider(provider: SessionProvider): void {
  session = provider;
}

const withAuthorization: RequestInterceptor = (params) => {
  const token = session.token();
  return token ? { ...params, header: { ...params.header, Authorization: `Bearer ${token}` } } : params;
};

const requestInterceptors: RequestInterceptor[] = [withAuthorization];

/** Routes that create the session; a 401 from them is final. */
const SESSION_ROUTES: ReadonlySet<RouteName> = new Set<RouteName>(['auth.login']);

async function send(params: RequestParams): Promise<{ status: number; body: unknown }> {
  const prepared = requestInterceptors.reduce((current, intercept) => intercept(current), params);
  try {
    const response = await Taro.request({
      url: prepared.url,
      method: 'POST',
      header: prepared.header,
      data: prepared.data,
      dataType: 'json',
    });
    return { status: response.statusCode, body: response.data };
  } catch {
    throw new ApiError('NETWORK_ERROR', 0);
  }
}

/**
 * A member route without a session logs in first rather than collecting a 401; a member who chose to be
 * logged out gets UNAUTHENTICATED without a request.
 */
async function ensureSession(name: RouteName): Promise<void> {
  if (PUBLIC_ROUTES.has(name) || session.token()) return;
  if (!(await session.renew())) throw new ApiError('UNAUTHENTICATED', 401);
}

/**
 * The mini-program's only network path: `POST /api/<name>` typed by the route table.
 * Resolves with the response body on 2xx and rejects with an ApiError otherwise; after a 401 it logs in
 * again silently once and retries.
 */
export async function call<N extends RouteName>(name: N, input: RouteInput<N>): Promise<RouteResponse<N>> {
  await ensureSession(name);
  const params: RequestParams = {
    url: `${process.env.TARO_APP_API_BASE ?? ''}${routePath(name)}`,
    header: { 'Content-Type': 'application/json' },
    data: input,
  };
  let answer = await send(params);
  if (answer.status === 401 && !SESSION_ROUTES.has(name)) {
    const renewed = await session.renew();
    if (renewed) answer = await send(params);
  }
  if (answer.status < 200 || answer.status >= 300) throw ApiError.fromResponse(answer.status, answer.body);
  return answer.body as RouteResponse<N>;
}

/** An address on the BFF (a photo's path, the upload endpoint) as the mini-program reaches it. */
export function bffUrl(path: string): string {
  return `${process.env.TARO_APP_API_BASE ?? ''}${path}`;
}

async function sendFile(path: string, filePath: string, field: string): Promise<{ status: number; body: unknown }> {
  const token = session.token();
  try {
    const response = await Taro.uploadFile({
      url: bffUrl(path),
      filePath,
      name: field,
      header: token ? { Authorization: `Bearer ${token}` } : {},
      // H5 sends cookies by default, which the BFF's CORS does not allow: the session is the bearer token.
      withCredentials: false,
    });
    let body: unknown = response.data;
    try {
      body = typeof response.data === 'string' ? JSON.parse(response.data) : response.data;
    } catch {
      // not JSON: left as text, read as INTERNAL below
    }
    return { status: response.statusCode, body };
  } catch {
    throw new ApiError('NETWORK_ERROR', 0);
  }
}

/**
 * The one upload path (multipart, outside the JSON route table): the same session handling as `call` (log in
 * first, once more after a 401), rejecting with an ApiError.
 */
export async function upload(path: string, filePath: string, field: string): Promise<unknown> {
  if (!session.token() && !(await session.renew())) throw new ApiError('UNAUTHENTICATED', 401);
  let answer = await sendFile(path, filePath, field);
  if (answer.status === 401 && (await session.renew())) answer = await sendFile(path, filePath, field);
  if (answer.status < 200 || answer.status >= 300) throw ApiError.fromResponse(answer.status, answer.body);
  return answer.body;
}

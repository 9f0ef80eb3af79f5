import { taroStandIn, type StandInRequest } from '../../test/taroStandIn';
import { call } from '../api/client';
import { installSession, logIn, logOut } from './session';
import { isSignedOut, readToken } from './sessionStore';
import { pendingShareArrival, rememberShareArrival } from './shareArrival';

jest.mock('../sandbox/sandboxControl', () => ({
  mintSandboxLoginCode: jest.fn(async (user: string) => `code-for-${user}`),
  mintSandboxPhoneCode: jest.fn(),
}));

const inTwoHours = (): string => new Date(Date.now() + 2 * 60 * 60 * 1000).toISOString();

function routeOf(request: StandInRequest): string {
  return request.url.replace('http://bff.test/api/', '');
}

describe('session', () => {
  let issued: number;

  beforeEach(() => {
    taroStandIn.reset();
    window.sessionStorage.clear();
    issued = 0;
    installSession();
    taroStandIn.respond = (request) => {
      const route = routeOf(request);
      if (route === 'auth.login') {
        issued += 1;
        return { statusCode: 200, data: { token: `token-${issued}`, expiresAt: inTwoHours(), member: { id: 'm', isNew: issued === 1 } } };
      }
      if (route === 'auth.logout') return { statusCode: 200, data: { ok: true } };
      const authorized = request.header?.Authorization === `Bearer token-${issued}` && issued > 0;
      return authorized
        ? { statusCode: 200, data: { balance: 0, items: [], nextCursor: null } }
        : { statusCode: 401, data: { error: { code: 'UNAUTHENTICATED', message: '请先登录' } } };
    };
  });

  it('logs in silently on the first 401 with the dev user code, stores the token and retries', async () => {
    await expect(call('points.history', { limit: 20 })).resolves.toMatchObject({ balance: 0 });

    const login = taroStandIn.requests.find((request) => routeOf(request) === 'auth.login');
    expect(login?.data).toEqual({ code: 'code-for-demo' });
    expect(readToken()).toBe('token-1');
  });

  it('shares one login between calls that need it at the same time', async () => {
    await Promise.all([logIn(), logIn()]);

    expect(issued).toBe(1);
  });

  it('after logging out, stays logged out instead of logging in again', async () => {
    await logIn();
    await logOut();

    expect(isSignedOut()).toBe(true);
    expect(readToken()).toBeNull();
    await expect(call('points.history', { limit: 20 })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(issued).toBe(1);
  });

  it('an explicit login ends the logged-out state', async () => {
    await logIn();
    await logOut();
    await logIn();

    expect(isSignedOut()).toBe(false);
    expect(readToken()).toBe('token-2');
  });

  it('passes the share a new visitor arrived through to the first login only, then forgets it', async () => {
    rememberShareArrival({ shareId: 'hAbCdEfGhIjKl', referralCode: 'ABCD2345' });

    await logIn();
    await logOut();
    await logIn();

    const logins = taroStandIn.requests.filter((request) => routeOf(request) === 'auth.login').map((request) => request.data);
    expect(logins).toEqual([
      { code: 'code-for-demo', shareId: 'hAbCdEfGhIjKl', referralCode: 'ABCD2345' },
      { code: 'code-for-demo' },
    ]);
    expect(pendingShareArrival()).toBeNull();
  });
});

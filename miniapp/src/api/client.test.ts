import { taroStandIn, type StandInRequest, type StandInResponse } from '../../test/taroStandIn';
import { ApiError } from './apiError';
import { call, setSessionProvider } from './client';

function answers(...responses: StandInResponse[]): void {
  const queue = [...responses];
  taroStandIn.respond = () => {
    const next = queue.shift();
    if (!next) throw new Error('unexpected request');
    return next;
  };
}

const ok = (data: unknown): StandInResponse => ({ statusCode: 200, data });
const failure = (statusCode: number, code: string): StandInResponse => ({
  statusCode,
  data: { error: { code, message: 'server text' } },
});

describe('api client', () => {
  let token: string | null;
  let renewals: number;
  let renewTo: string | null;

  beforeEach(() => {
    taroStandIn.reset();
    token = 'token-1';
    renewals = 0;
    renewTo = 'token-2';
    setSessionProvider({
      token: () => token,
      renew: async () => {
        renewals += 1;
        token = renewTo;
        return renewTo;
      },
    });
  });

  it('posts the input as JSON to /api/<name> on the configured base URL, with the bearer token', async () => {
    answers(ok({ ok: true, serverTime: '2026-01-01T08:00:00+08:00', timezone: 'Asia/Shanghai' }));

    const result = await call('system.ping', {});

    expect(result.timezone).toBe('Asia/Shanghai');
    const sent = taroStandIn.requests[0] as StandInRequest;
    expect(sent.url).toBe('http://bff.test/api/system.ping');
    expect(sent.method).toBe('POST');
    expect(sent.data).toEqual({});
    expect(sent.header).toMatchObject({ Authorization: 'Bearer token-1', 'Content-Type': 'application/json' });
  });

  it('sends no Authorization header without a session', async () => {
    token = null;
    answers(ok({ token: 't', expiresAt: '2026-01-01T10:00:00+08:00', member: { id: 'm', isNew: true } }));

    await call('auth.login', { code: 'c' });

    expect(taroStandIn.requests[0]?.header).not.toHaveProperty('Authorization');
  });

  it('rejects a non-2xx answer with ApiError carrying the code and the Chinese text for it', async () => {
    answers(failure(409, 'BIRTHDAY_LOCKED'));

    const error = await call('members.setBirthday', { month: 3, day: 14, consentVersion: 'v' }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'BIRTHDAY_LOCKED', status: 409, message: '生日已设置，如需修改请联系客服' });
  });

  it('treats an unknown code or a body without one as INTERNAL, never showing it', async () => {
    answers(failure(500, 'SOMETHING_NEW'), { statusCode: 502, data: '<html>Bad gateway</html>' });

    await expect(call('members.me', {})).rejects.toMatchObject({ code: 'INTERNAL', message: '系统繁忙，请稍后再试' });
    await expect(call('members.me', {})).rejects.toMatchObject({ code: 'INTERNAL', message: '系统繁忙，请稍后再试' });
  });

  it('rejects with NETWORK_ERROR when the request itself fails', async () => {
    taroStandIn.respond = () => {
      throw new TypeError('Failed to fetch');
    };

    await expect(call('members.me', {})).rejects.toMatchObject({ code: 'NETWORK_ERROR', message: '网络连接失败，请检查网络后重试' });
  });

  it('after a 401 logs in again once and retries with the new token', async () => {
    answers(failure(401, 'SESSION_EXPIRED'), ok({ items: [], balance: 0, nextCursor: null }));

    await expect(call('points.history', { limit: 20 })).resolves.toMatchObject({ balance: 0 });

    expect(renewals).toBe(1);
    expect(taroStandIn.requests.map((sent) => sent.header?.Authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('gives up after one retry when the BFF still answers 401', async () => {
    answers(failure(401, 'SESSION_EXPIRED'), failure(401, 'UNAUTHENTICATED'));

    await expect(call('members.me', {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });

    expect(renewals).toBe(1);
    expect(taroStandIn.requests).toHaveLength(2);
  });

  it('does not retry when the member chose to stay logged out', async () => {
    renewTo = null;
    answers(failure(401, 'UNAUTHENTICATED'));

    await expect(call('members.me', {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

    expect(taroStandIn.requests).toHaveLength(1);
  });

  it('logs in before a member route when there is no session yet, so no request goes out unauthenticated', async () => {
    token = null;
    answers(ok({ items: [], balance: 0, nextCursor: null }));

    await call('points.history', { limit: 20 });

    expect(renewals).toBe(1);
    expect(taroStandIn.requests.map((sent) => sent.header?.Authorization)).toEqual(['Bearer token-2']);
  });

  it('sends nothing for a member route when the member chose to stay logged out', async () => {
    token = null;
    renewTo = null;

    await expect(call('members.me', {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });

    expect(taroStandIn.requests).toHaveLength(0);
  });

  it('calls a public route without logging in', async () => {
    token = null;
    answers(ok({ ok: true, serverTime: '2026-01-01T08:00:00+08:00', timezone: 'Asia/Shanghai' }));

    await call('system.ping', {});

    expect(renewals).toBe(0);
    expect(taroStandIn.requests[0]?.header).not.toHaveProperty('Authorization');
  });

  it('never tries to renew the session when logging in itself is refused', async () => {
    answers(failure(401, 'UNAUTHENTICATED'));

    await expect(call('auth.login', { code: 'used' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

    expect(renewals).toBe(0);
  });
});

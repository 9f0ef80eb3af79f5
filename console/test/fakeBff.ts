import type { OpsSession, OperatorRole } from '@cakeday/shared';
import type { OpsRouteName } from '../src/api/opsRoutes';

export interface FakeAnswer {
  status: number;
  body: unknown;
}

type Handler = (input: Record<string, unknown>) => FakeAnswer;

export interface FakeBff {
  /** Every call, in order: the route name and the JSON body sent. */
  calls: { name: string; input: Record<string, unknown> }[];
  on(name: OpsRouteName, handler: Handler): void;
  callsTo(name: OpsRouteName): Record<string, unknown>[];
}

export const ok = (body: unknown): FakeAnswer => ({ status: 200, body });
export const refused = (status: number, code: string): FakeAnswer => ({ status, body: { error: { code, message: 'server text' } } });

/** jsdom has no fetch: a stand-in BFF answering `POST /api/<name>` from per-route handlers (unknown routes: 404). */
export function installFakeBff(): FakeBff {
  const handlers = new Map<string, Handler>();
  const calls: FakeBff['calls'] = [];
  global.fetch = jest.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const name = String(url).replace(/^\/api\//, '');
    const input = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
    calls.push({ name, input });
    const answer = handlers.get(name)?.(input) ?? refused(404, 'ROUTE_NOT_FOUND');
    return {
      ok: answer.status >= 200 && answer.status < 300,
      status: answer.status,
      headers: { get: () => null },
      json: async () => answer.body,
    } as unknown as Response;
  }) as typeof fetch;
  return {
    calls,
    on: (name, handler) => handlers.set(name, handler),
    callsTo: (name) => calls.filter((call) => call.name === name).map((call) => call.input),
  };
}

export function sessionOf(roles: OperatorRole[], requires: Partial<OpsSession['requires']> = {}): OpsSession {
  return {
    operator: {
      id: '65f000000000000000000001',
      loginName: roles[0] ?? 'nobody',
      displayName: `演示${roles.join('')}`,
      roles,
      storeId: roles.includes('store_manager') ? '65f0000000000000000000aa' : null,
      storeName: roles.includes('store_manager') ? '人民广场店' : null,
      status: 'active',
      totpEnabled: false,
      lastLoginAt: null,
      createdAt: '2026-01-01T08:00:00+08:00',
      version: 0,
    },
    requires: { passwordChange: false, totpEnrollment: false, ...requires },
    idleExpiresAt: '2026-01-01T08:30:00+08:00',
    expiresAt: '2026-01-01T20:00:00+08:00',
  };
}

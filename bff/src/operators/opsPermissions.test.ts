import { defineOpsAbility, OPERATOR_ROLES, routes, type OperatorRole, type RouteDefinition } from '@cakeday/shared';
import { assertOpsPermissions } from '../http/registerRoutes';
import { buildTestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';

useTestDatabase();

const { http } = buildTestApp();
const opsRoutes = (Object.entries(routes) as [string, RouteDefinition][]).filter(
  ([, definition]) => definition.auth === 'ops' && definition.permission !== 'self',
);

describe('every ops route × every role', () => {
  const cookies = new Map<OperatorRole, string>();
  beforeAll(async () => {
    for (const role of OPERATOR_ROLES) cookies.set(role, await opsCookieFor(http, await buildOperator({ roles: [role] })));
  });

  it.each(opsRoutes)('%s answers 403 to each role without its permission, and lets the others through', async (name, definition) => {
    const permission = definition.permission;
    if (!permission || permission === 'self') throw new Error('unreachable');
    for (const role of OPERATOR_ROLES) {
      const allowed = defineOpsAbility({ id: 'x', roles: [role], storeId: role === 'store_manager' ? 'f'.repeat(24) : null }).can(permission[0], permission[1]);
      const response = await http.post(`/api/${name}`).set('Cookie', cookies.get(role) ?? '').send({});
      if (allowed) expect([role, response.status]).not.toEqual([role, 403]);
      else expect([role, response.status, response.body.error?.code]).toEqual([role, 403, 'FORBIDDEN']);
    }
  });

  it('answers 401 to every ops route without a session', async () => {
    for (const [name] of opsRoutes) expect([name, (await http.post(`/api/${name}`).send({})).status]).toEqual([name, 401]);
  });

  it('the BFF refuses to start with an ops route that names no permission', () => {
    expect(() => assertOpsPermissions({ 'ops.sneaky': { auth: 'ops' } })).toThrow('ops.sneaky');
    expect(() => assertOpsPermissions(routes)).not.toThrow();
  });
});

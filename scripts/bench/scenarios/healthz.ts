import type { Scenario } from '../scenario';

const CONNECTIONS = 100;

/** The framework ceiling: the full middleware chain (metrics, request id, access log, helmet, CORS) and no database. */
export const healthzScenario: Scenario = {
  name: 'healthz',
  summary: 'GET /healthz: the framework ceiling every route is compared with',
  instances: 1,
  group: 1,
  async run(context) {
    const measurement = await context.timed('healthz', { targets: context.bff.slice(0, 1), path: '/healthz', method: 'GET', connections: CONNECTIONS });
    return { rows: [{ name: 'healthz', kind: 'ceiling', connections: CONNECTIONS, instances: 1, measurement }], checks: [] };
  },
};

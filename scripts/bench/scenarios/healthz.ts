import { timedLoad } from '../load/timedLoad';
import type { Scenario } from '../scenario';

const CONNECTIONS = 100;

/** The framework ceiling: the full middleware chain (metrics, request id, access log, helmet, CORS) and no database. */
export const healthzScenario: Scenario = {
  name: 'healthz',
  summary: 'GET /healthz: the framework ceiling every route is compared with',
  instances: 1,
  group: 1,
  async run(context) {
    const measurement = await timedLoad({ targets: context.bff.slice(0, 1), path: '/healthz', method: 'GET', connections: CONNECTIONS, seconds: context.seconds, warmupSeconds: context.warmupSeconds });
    return { rows: [{ name: 'healthz', kind: 'ceiling', connections: CONNECTIONS, instances: 1, measurement }], checks: [] };
  },
};

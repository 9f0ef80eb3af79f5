import { buildTestApp, testConfig } from '../test/app';
import { useTestDatabase } from '../test/database';

// A file of its own: the limit counts every login from this address in the minute, across the file's tests.
useTestDatabase();

it('limits ops login attempts per address, known names or not', async () => {
  const limited = buildTestApp({ config: testConfig({ OPS_LOGIN_LIMIT_PER_IP_PER_MINUTE: '3' }) });
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 4; attempt += 1) {
    statuses.push((await limited.http.post('/api/ops.login').send({ loginName: 'nobody-at-all', password: 'whatever-123' })).status);
  }
  expect(statuses).toEqual([401, 401, 401, 429]);
});

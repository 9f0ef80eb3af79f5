import { buildTestApp, testConfig } from '../../bff/src/test/app';
import { useTestDatabase } from '../../bff/src/test/database';
import { loginOperator } from '../../bff/src/operators/loginOperator';
import { operatorPolicyFrom } from '../../bff/src/operators/operatorPolicy';
import mongoose from 'mongoose';
import { mallSeeder } from './mallSeeder';
import { DEMO_OPERATORS, operatorSeeder } from './operatorSeeder';

useTestDatabase();

describe('demo operators', () => {
  it('seeds one operator per role, idempotently, who log in with the documented passwords', async () => {
    await mallSeeder.run(mongoose.connection);
    await operatorSeeder.run(mongoose.connection);
    expect(await operatorSeeder.run(mongoose.connection)).toContain('(0 new)');
    const { http } = buildTestApp();
    for (const operator of DEMO_OPERATORS) {
      const login = await http.post('/api/ops.login').send({ loginName: operator.loginName, password: operator.password });
      expect([operator.loginName, login.status]).toEqual([operator.loginName, 200]);
      expect(login.body.operator.roles).toEqual(operator.roles);
    }
    const manager = await http.post('/api/ops.login').send({ loginName: 'manager', password: 'cakeday-manager-2026' });
    expect(manager.body.operator.storeName).toBe('麦香生日烘焙·人民广场店');
  });

  it('a BFF in production configuration refuses them', async () => {
    const policy = { ...operatorPolicyFrom(testConfig()), production: true };
    await expect(
      loginOperator(
        { loginName: 'admin', password: 'cakeday-admin-2026', ip: '127.0.0.1', userAgent: null, requestId: 'seed-test' },
        { config: testConfig(), policy, now: new Date(), limit: async () => undefined },
      ),
    ).rejects.toMatchObject({ code: 'OPS_LOGIN_FAILED' });
  });
});

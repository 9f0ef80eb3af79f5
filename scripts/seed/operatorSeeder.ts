import type { OperatorRole } from '@cakeday/shared';
import type { Connection } from 'mongoose';
import { hashPassword } from '../../bff/src/operators/passwords';
import type { Seeder } from './seeders';

/**
 * Demo operators of every role for `npm run dev`, with the development passwords the README documents. They are
 * marked `devSeeded`: a BFF in production configuration refuses to log them in.
 */
export const DEMO_OPERATORS: { loginName: string; displayName: string; roles: OperatorRole[]; password: string; storeCode?: string }[] = [
  { loginName: 'admin', displayName: '演示管理员', roles: ['admin'], password: 'cakeday-admin-2026' },
  { loginName: 'ops', displayName: '演示运营', roles: ['ops'], password: 'cakeday-ops-2026' },
  { loginName: 'analyst', displayName: '演示分析师', roles: ['analyst'], password: 'cakeday-analyst-2026' },
  { loginName: 'moderator', displayName: '演示审核员', roles: ['moderator'], password: 'cakeday-moderator-2026' },
  { loginName: 'manager', displayName: '人民广场店店长', roles: ['store_manager'], password: 'cakeday-manager-2026', storeCode: 'SH-001' },
];

// Development cost: the seed runs on every `npm run dev` start.
const DEV_COST = { N: 2 ** 14, r: 8, p: 1 };

export const operatorSeeder: Seeder = {
  name: 'operators',
  async run(connection: Connection) {
    const now = new Date();
    let created = 0;
    for (const operator of DEMO_OPERATORS) {
      const store = operator.storeCode ? await connection.collection('stores').findOne({ code: operator.storeCode }) : null;
      if (await connection.collection('operators').findOne({ loginName: operator.loginName }, { projection: { _id: 1 } })) continue;
      const result = await connection.collection('operators').updateOne(
        { loginName: operator.loginName },
        {
          $setOnInsert: {
            displayName: operator.displayName,
            roles: operator.roles,
            storeId: store?._id ?? null,
            passwordHash: await hashPassword(operator.password, DEV_COST),
            mustChangePassword: false,
            totp: { secretEncrypted: null, enabled: false, lastUsedStep: 0 },
            status: 'active',
            failedLogins: 0,
            lockedUntil: null,
            devSeeded: true,
            lastLoginAt: null,
            version: 0,
            auditSeqs: [],
            createdAt: now,
            updatedAt: now,
          },
        },
        { upsert: true },
      );
      created += result.upsertedCount;
    }
    return `${DEMO_OPERATORS.length} demo operators (${created} new): ${DEMO_OPERATORS.map((operator) => operator.loginName).join(', ')}`;
  },
};

import { randomBytes } from 'node:crypto';
import type { OperatorRole } from '@cakeday/shared';
import { Types } from 'mongoose';
import type TestAgent from 'supertest/lib/agent';
import { OperatorModel, type Operator } from '../operators/Operator.model';
import { hashPassword } from '../operators/passwords';
import { StoreModel, type Store } from '../writeoff/Store.model';
import { WriteoffRecordModel, type WriteoffRecord } from '../writeoff/WriteoffRecord.model';

export const TEST_OPERATOR_PASSWORD = 'cakeday-test-2026';
const unique = (): string => randomBytes(4).toString('hex');

export async function buildStore(overrides: Partial<Store> = {}): Promise<Store> {
  const code = `ST-${unique()}`;
  const created = await StoreModel.create({ code, name: `门店 ${code}`, address: '上海市测试路 1 号', createdAt: new Date('2026-01-01T00:00:00.000Z'), ...overrides });
  return created.toObject();
}

/**
 * A saved active operator with TEST_OPERATOR_PASSWORD (already changed: no first-login restriction); a store
 * manager gets a store of their own unless one is given.
 */
export async function buildOperator(overrides: Partial<Operator> & { roles?: OperatorRole[] } = {}): Promise<Operator> {
  const roles = overrides.roles ?? ['ops'];
  const storeId = overrides.storeId !== undefined ? overrides.storeId : roles.includes('store_manager') ? (await buildStore())._id : null;
  const now = new Date();
  const created = await OperatorModel.create({
    _id: new Types.ObjectId(),
    loginName: `op-${unique()}`,
    displayName: `运营${unique().slice(0, 3)}`,
    passwordHash: await hashPassword(TEST_OPERATOR_PASSWORD, { N: 1024, r: 8, p: 1 }),
    mustChangePassword: false,
    createdAt: now,
    updatedAt: now,
    ...overrides,
    roles,
    storeId,
  });
  return created.toObject();
}

/** Logs the operator in over HTTP and returns the session cookie for `.set('Cookie', ...)`. */
export async function opsCookieFor(http: TestAgent, operator: Pick<Operator, 'loginName'>, password = TEST_OPERATOR_PASSWORD): Promise<string> {
  const response = await http.post('/api/ops.login').send({ loginName: operator.loginName, password });
  if (response.status !== 200) throw new Error(`ops login failed: ${response.status} ${JSON.stringify(response.body)}`);
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const session = cookies.find((cookie) => cookie.startsWith('cakeday_ops='));
  if (!session) throw new Error('ops login set no session cookie');
  return session.split(';')[0] ?? '';
}

/** A write-off record at a store (built when not given), as writeoff.redeem writes it. */
export async function buildWriteoffRecord(overrides: Partial<WriteoffRecord> & { store?: Store } = {}): Promise<WriteoffRecord> {
  const { store: given, ...fields } = overrides;
  const store = given ?? (await buildStore());
  const created = await WriteoffRecordModel.create({
    subjectKind: 'coupon',
    subjectId: new Types.ObjectId(),
    title: '满50减10券',
    detail: '¥10 · 满50元可用',
    memberName: '王小明',
    memberId: new Types.ObjectId(),
    storeId: store._id,
    storeCode: store.code,
    storeName: store.name,
    staffMemberId: new Types.ObjectId(),
    staffName: '店员小王',
    at: new Date('2026-05-10T04:00:00.000Z'),
    ...fields,
  });
  return created.toObject();
}

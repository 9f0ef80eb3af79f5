import { AuditEntryModel } from '../audit/AuditEntry.model';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember } from '../test/factories';
import { signedPost } from '../test/integrationFactories';
import { buildOperator, buildStore, opsCookieFor } from '../test/operatorFactories';
import { memberCodeFor } from '../test/posFactories';
import { IntegrationModel } from './Integration.model';

useTestDatabase();

const clock = { now: new Date('2026-06-10T04:00:00.000Z') };
let app: TestApp;
let admin: string;
let ops: string;

beforeAll(async () => {
  app = buildTestApp({ now: () => clock.now });
  admin = await opsCookieFor(app.http, await buildOperator({ roles: ['admin'] }));
  ops = await opsCookieFor(app.http, await buildOperator({ roles: ['ops'] }));
});

const call = (name: string, body: object, cookie: string | null = admin) => {
  const post = app.http.post(`/api/${name}`);
  return cookie ? post.set('Cookie', cookie).send(body) : post.send(body);
};

interface Created {
  integration: { id: string; keyId: string; version: number };
  secret: string;
}

async function newTill(): Promise<Created> {
  const store = await buildStore();
  const created = await call('ops.integrations.create', { name: '收银 1 号', kind: 'store', storeId: store._id.toHexString() });
  return created.body as Created;
}

const identify = async (keyId: string, secret: string) => {
  const code = await memberCodeFor(app.http, await buildMember(), [], clock.now);
  return signedPost(app.http, { keyId, secret }, 'pos.identify', { memberCode: code.numericCode }, { at: clock.now });
};

describe('ops.integrations.rotate', () => {
  it('shows a new secret once; the old one signs through the overlap and is refused after it; audited without either secret', async () => {
    const { integration, secret: oldSecret } = await newTill();
    const body = { id: integration.id, version: integration.version, overlapMinutes: 60, reason: '定期轮换' };
    expect((await call('ops.integrations.rotate', body, null)).status).toBe(401);
    expect((await call('ops.integrations.rotate', body, ops)).status).toBe(403);
    expect((await call('ops.integrations.rotate', { ...body, reason: undefined })).status).toBe(400);
    expect((await call('ops.integrations.rotate', { ...body, version: 5 })).body.error.code).toBe('STALE_VERSION');
    const rotated = await call('ops.integrations.rotate', body);
    expect(rotated.status).toBe(200);
    const newSecret = rotated.body.secret as string;
    expect(newSecret).not.toBe(oldSecret);
    expect(rotated.body.integration).toMatchObject({ keyId: integration.keyId, secretHint: newSecret.slice(-4), version: 1, previousSecretValidUntil: expect.any(String) });
    expect((await call('ops.integrations.rotate', body)).body.error.code).toBe('STALE_VERSION');

    expect((await identify(integration.keyId, newSecret)).status).toBe(200);
    expect((await identify(integration.keyId, oldSecret)).status).toBe(200);
    const start = clock.now;
    clock.now = new Date(start.getTime() + 60 * 60_000);
    try {
      const retired = await identify(integration.keyId, oldSecret);
      expect([retired.status, retired.body.error.code]).toEqual([401, 'INTEGRATION_SIGNATURE_INVALID']);
      expect((await identify(integration.keyId, newSecret)).status).toBe(200);
    } finally {
      clock.now = start;
    }

    const stored = await IntegrationModel.findById(integration.id).lean();
    expect(JSON.stringify(stored)).not.toContain(newSecret);
    const audit = await AuditEntryModel.findOne({ action: 'ops.integrations.rotate', 'subject.id': integration.id }).lean();
    expect(audit).toMatchObject({ outcome: 'applied', reason: '定期轮换', before: { secretHint: oldSecret.slice(-4) }, after: { secretHint: newSecret.slice(-4) } });
    expect(JSON.stringify(audit)).not.toContain(newSecret);
    expect(JSON.stringify(audit)).not.toContain(oldSecret);
  });

  it('without an overlap the old secret is refused at once; a second rotation drops the first secret; a revoked key cannot rotate', async () => {
    const { integration, secret: first } = await newTill();
    const second = (await call('ops.integrations.rotate', { id: integration.id, version: 0, overlapMinutes: 60, reason: '第一次轮换' })).body.secret as string;
    const third = (await call('ops.integrations.rotate', { id: integration.id, version: 1, overlapMinutes: 0, reason: '密钥泄露' })).body.secret as string;
    expect((await identify(integration.keyId, first)).body.error.code).toBe('INTEGRATION_SIGNATURE_INVALID');
    expect((await identify(integration.keyId, second)).body.error.code).toBe('INTEGRATION_SIGNATURE_INVALID');
    expect((await identify(integration.keyId, third)).status).toBe(200);
    expect((await call('ops.integrations.revoke', { id: integration.id, version: 2, reason: '门店关闭' })).status).toBe(200);
    expect((await call('ops.integrations.rotate', { id: integration.id, version: 3, reason: '再轮换' })).body.error.code).toBe('OPS_INTEGRATION_REVOKED');
  });
});

describe('usage per integration: last seen and the error rate of the last 7 days', () => {
  it('counts requests and errors (a bad signature of a known key, a refused code) per business day, cheaply by day', async () => {
    const { integration, secret } = await newTill();
    expect((await identify(integration.keyId, secret)).status).toBe(200);
    expect((await identify(integration.keyId, secret)).status).toBe(200);
    expect((await identify(integration.keyId, 'cks_wrong')).status).toBe(401);
    const refused = await signedPost(app.http, { keyId: integration.keyId, secret }, 'pos.identify', { memberCode: '660000000000000000' }, { at: clock.now });
    expect(refused.status).toBe(422);
    const listed = (await call('ops.integrations.list', {})).body.items.find((item: { id: string }) => item.id === integration.id);
    expect(listed).toMatchObject({
      lastSeenAt: expect.any(String),
      usage: { requests: 4, errors: 2, errorRatePercent: 50, lastErrorCode: refused.body.error.code, lastErrorAt: expect.any(String) },
    });
    const lastWeek = new Date(clock.now.getTime() - 8 * 24 * 60 * 60_000);
    const start = clock.now;
    clock.now = lastWeek;
    try {
      await identify(integration.keyId, secret);
    } finally {
      clock.now = start;
    }
    expect((await call('ops.integrations.list', {})).body.items.find((item: { id: string }) => item.id === integration.id).usage.requests).toBe(4);
  });
});

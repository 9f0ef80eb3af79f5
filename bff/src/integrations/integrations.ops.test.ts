import { AuditEntryModel } from '../audit/AuditEntry.model';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember } from '../test/factories';
import { signedPost } from '../test/integrationFactories';
import { buildOperator, buildStore, opsCookieFor } from '../test/operatorFactories';
import { memberCodeFor } from '../test/posFactories';
import { IntegrationModel } from './Integration.model';

useTestDatabase();

let app: TestApp;
let admin: string;
let ops: string;

beforeAll(async () => {
  app = buildTestApp();
  admin = await opsCookieFor(app.http, await buildOperator({ roles: ['admin'] }));
  ops = await opsCookieFor(app.http, await buildOperator({ roles: ['ops'] }));
});

const call = (name: string, body: object, cookie: string | null = admin) => {
  const post = app.http.post(`/api/${name}`);
  return cookie ? post.set('Cookie', cookie).send(body) : post.send(body);
};

describe('ops.integrations', () => {
  it('an admin creates a till’s key bound to its store: the secret is shown once, works, and is never stored or shown again', async () => {
    const store = await buildStore();
    expect((await call('ops.integrations.create', { name: '收银 1 号', kind: 'store', storeId: store._id.toHexString() }, null)).status).toBe(401);
    expect((await call('ops.integrations.create', { name: '收银 1 号', kind: 'store', storeId: store._id.toHexString() }, ops)).status).toBe(403);
    expect((await call('ops.integrations.create', { name: '收银 1 号', kind: 'store', storeId: null })).body.error.code).toBe('OPS_INTEGRATION_STORE_REQUIRED');
    expect((await call('ops.integrations.create', { name: '商城', kind: 'online', storeId: store._id.toHexString() })).body.error.code).toBe('OPS_INTEGRATION_STORE_REQUIRED');
    const created = await call('ops.integrations.create', { name: '收银 1 号', kind: 'store', storeId: store._id.toHexString(), reason: '新门店开业' });
    expect(created.status).toBe(200);
    const { integration, secret } = created.body as { integration: { id: string; keyId: string; secretHint: string }; secret: string };
    expect(integration).toMatchObject({ kind: 'store', store: { code: store.code }, status: 'active', secretHint: secret.slice(-4), version: 0 });
    const stored = await IntegrationModel.findById(integration.id).lean();
    expect(JSON.stringify(stored)).not.toContain(secret);
    const audit = await AuditEntryModel.findOne({ action: 'ops.integrations.create', 'subject.id': integration.id }).lean();
    expect(audit).toMatchObject({ outcome: 'applied', after: { keyId: integration.keyId } });
    expect(JSON.stringify(audit)).not.toContain(secret);
    const listed = await call('ops.integrations.list', {});
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(listed.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: integration.id, lastSeenAt: null })]));

    const code = await memberCodeFor(app.http, await buildMember());
    const identified = await signedPost(app.http, { keyId: integration.keyId, secret }, 'pos.identify', { memberCode: code.numericCode });
    expect(identified.status).toBe(200);
  });

  it('an admin revokes a key with a reason and its next request is refused; a stale or second revoke is refused', async () => {
    const created = await call('ops.integrations.create', { name: '线上商城', kind: 'online', storeId: null });
    const { integration, secret } = created.body as { integration: { id: string; keyId: string }; secret: string };
    expect((await call('ops.integrations.revoke', { id: integration.id, version: 0, reason: '密钥泄露' }, ops)).status).toBe(403);
    expect((await call('ops.integrations.revoke', { id: integration.id, version: 3, reason: '密钥泄露' })).body.error.code).toBe('STALE_VERSION');
    const revoked = await call('ops.integrations.revoke', { id: integration.id, version: 0, reason: '密钥泄露' });
    expect(revoked.body).toMatchObject({ status: 'revoked', version: 1 });
    expect(await AuditEntryModel.findOne({ action: 'ops.integrations.revoke', 'subject.id': integration.id }).lean()).toMatchObject({ outcome: 'applied', reason: '密钥泄露' });
    expect((await call('ops.integrations.revoke', { id: integration.id, version: 1, reason: '密钥泄露' })).body.error.code).toBe('OPS_INTEGRATION_REVOKED');
    const code = await memberCodeFor(app.http, await buildMember());
    const refused = await signedPost(app.http, { keyId: integration.keyId, secret }, 'pos.identify', { memberCode: code.numericCode });
    expect([refused.status, refused.body.error.code]).toEqual([401, 'INTEGRATION_REVOKED']);
  });
});

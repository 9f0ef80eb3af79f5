import { buildTestApp, testConfig, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { buildIntegration, freshNonce, signedPost, type TestIntegration } from '../test/integrationFactories';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { memberCodeFor, purchaseBody } from '../test/posFactories';
import { MemberCodeModel } from '../memberCode/MemberCode.model';
import { PosPurchaseModel } from '../pos/PosPurchase.model';
import { IntegrationModel } from './Integration.model';

useTestDatabase();
const clock = { now: new Date() };
let app: TestApp;
let till: TestIntegration;

beforeEach(async () => {
  clock.now = new Date();
  app = buildTestApp({ now: () => clock.now, config: testConfig({ INTEGRATION_LIMIT_PER_MINUTE: '5' }) });
  till = await buildIntegration();
});

async function aPurchase(receiptNo = `R-${freshNonce()}`) {
  const member = await buildMember({ nickname: '王小明' });
  const code = await memberCodeFor(app.http, member, [], clock.now);
  return { member, code, body: purchaseBody(code.numericCode, receiptNo, 5200, { at: clock.now }) };
}

async function nothingRecorded(code: { numericCode: string }): Promise<void> {
  const stored = await MemberCodeModel.findOne({ code: code.numericCode }).lean();
  expect(stored).toMatchObject({ usedByPurchaseKey: null });
  expect(await PosPurchaseModel.countDocuments({ memberCodeId: stored?._id })).toBe(0);
}

describe('signed requests to the integration API', () => {
  it('accepts a request signed with the key, and remembers when the key was last seen', async () => {
    const { body } = await aPurchase();
    const response = await signedPost(app.http, till, 'pos.purchase', body, { at: clock.now });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ receiptNo: body.receiptNo, pointsEarned: 52 });
    expect((await IntegrationModel.findById(till.integration._id).lean())?.lastSeenAt).toEqual(clock.now);
  });

  it('refuses a wrong secret, a tampered body, another path signed, and missing headers, recording nothing', async () => {
    const { code, body } = await aPurchase();
    const forged = await signedPost(app.http, till, 'pos.purchase', body, { at: clock.now, secret: 'cks_not-the-secret' });
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('INTEGRATION_SIGNATURE_INVALID');
    const tampered = await signedPost(app.http, till, 'pos.purchase', body, { at: clock.now, sentBody: JSON.stringify({ ...body, paidFen: 999_999, totalFen: 999_999 }) });
    expect(tampered.body.error.code).toBe('INTEGRATION_SIGNATURE_INVALID');
    const otherPath = await signedPost(app.http, till, 'pos.purchase', body, { at: clock.now, signedPath: '/api/pos.identify' });
    expect(otherPath.body.error.code).toBe('INTEGRATION_SIGNATURE_INVALID');
    const unsigned = await app.http.post('/api/pos.purchase').send(body);
    expect(unsigned.status).toBe(401);
    await nothingRecorded(code);
  });

  it('refuses a timestamp more than five minutes off either way', async () => {
    const { code, body } = await aPurchase();
    const late = await signedPost(app.http, till, 'pos.purchase', body, { at: new Date(clock.now.getTime() - 301_000) });
    expect(late.status).toBe(401);
    expect(late.body.error.code).toBe('INTEGRATION_TIMESTAMP_OUT_OF_WINDOW');
    const early = await signedPost(app.http, till, 'pos.purchase', body, { at: new Date(clock.now.getTime() + 301_000) });
    expect(early.body.error.code).toBe('INTEGRATION_TIMESTAMP_OUT_OF_WINDOW');
    const edge = await signedPost(app.http, till, 'pos.purchase', body, { at: new Date(clock.now.getTime() - 299_000) });
    expect(edge.status).toBe(200);
    expect(code.numericCode).toHaveLength(18);
  });

  it('refuses a nonce used before by the same key, even for another request', async () => {
    const nonce = freshNonce();
    const first = await aPurchase();
    expect((await signedPost(app.http, till, 'pos.purchase', first.body, { at: clock.now, nonce })).status).toBe(200);
    const second = await aPurchase();
    const replay = await signedPost(app.http, till, 'pos.purchase', second.body, { at: clock.now, nonce });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('INTEGRATION_NONCE_REUSED');
    expect(await PosPurchaseModel.countDocuments({ receiptNo: second.body.receiptNo })).toBe(0);
    // Another key may use the same nonce.
    const other = await buildIntegration();
    expect((await signedPost(app.http, other, 'pos.purchase', second.body, { at: clock.now, nonce })).status).toBe(200);
  });

  it('refuses a revoked key', async () => {
    const revoked = await buildIntegration({ status: 'revoked' });
    const { code, body } = await aPurchase();
    const response = await signedPost(app.http, revoked, 'pos.purchase', body, { at: clock.now });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('INTEGRATION_REVOKED');
    await nothingRecorded(code);
  });

  it('limits the requests of each integration per minute, with Retry-After', async () => {
    const { code } = await aPurchase();
    for (let request = 0; request < 5; request += 1) {
      expect((await signedPost(app.http, till, 'pos.identify', { memberCode: code.numericCode }, { at: clock.now })).status).toBe(200);
    }
    const limited = await signedPost(app.http, till, 'pos.identify', { memberCode: code.numericCode }, { at: clock.now });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const other = await buildIntegration();
    expect((await signedPost(app.http, other, 'pos.identify', { memberCode: code.numericCode }, { at: clock.now })).status).toBe(200);
  });

  it('never accepts a member token or an operator session on an integration route, nor a signature elsewhere', async () => {
    const { member, code, body } = await aPurchase();
    const asMember = await app.http.post('/api/pos.purchase').set('Authorization', await sessionFor(member)).send(body);
    expect(asMember.status).toBe(401);
    const admin = await buildOperator({ roles: ['admin'] });
    const asOperator = await app.http.post('/api/pos.purchase').set('Cookie', await opsCookieFor(app.http, admin)).send(body);
    expect(asOperator.status).toBe(401);
    await nothingRecorded(code);
    const signedMemberRoute = await signedPost(app.http, till, 'memberCode.issue' as 'pos.identify', { memberCode: code.numericCode }, { at: clock.now });
    expect(signedMemberRoute.status).toBe(401);
  });
});

import { consentTexts } from '@cakeday/shared';
import { ConsentModel } from '../consents/Consent.model';
import { clientAddress, trustedProxies } from '../http/clientAddress';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { useWechatSandbox } from '../test/wechatSandbox';

useTestDatabase();
const sandbox = useWechatSandbox();
const now = new Date('2026-05-10T04:00:00.000Z');
const LIMIT = 3;

/** A login with a code WeChat never issued: it counts against the per-address limit, then fails (400). */
const loginFrom = (app: TestApp, forwardedFor: string) =>
  app.http.post('/api/auth.login').set('X-Forwarded-For', forwardedFor).send({ code: 'made-up-code' });

async function consentEvidenceFrom(app: TestApp, forwardedFor: string): Promise<string | null | undefined> {
  const member = await buildMember();
  const { version } = consentTexts.marketing_messages;
  const granted = await app.http.post('/api/consents.grant').set('Authorization', await sessionFor(member, { now })).set('X-Forwarded-For', forwardedFor).send({ purpose: 'marketing_messages', version });
  expect(granted.status).toBe(200);
  return (await ConsentModel.findOne({ memberId: member._id }).lean())?.ip;
}

describe('the client address', () => {
  it('a made-up X-Forwarded-For does not change the login limit key: the request after the limit is refused', async () => {
    const app = buildTestApp({ now: () => now, config: sandbox.config({ LOGIN_LIMIT_PER_IP_PER_MINUTE: String(LIMIT) }) });
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= LIMIT + 1; attempt += 1) statuses.push((await loginFrom(app, `198.51.100.${attempt}`)).status);
    expect(statuses).toEqual([400, 400, 400, 429]);
  });

  it('a made-up X-Forwarded-For is not recorded as consent evidence: the socket address is', async () => {
    const app = buildTestApp({ now: () => now, config: sandbox.config() });
    expect(await consentEvidenceFrom(app, '198.51.100.7')).toBe('127.0.0.1');
  });

  it('behind a trusted proxy the right-most untrusted forwarded hop is the client', async () => {
    const app = buildTestApp({ now: () => now, config: sandbox.config({ TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8', LOGIN_LIMIT_PER_IP_PER_MINUTE: String(LIMIT) }) });
    const statuses: number[] = [];
    // The client's own entry (left) changes each time; the load balancer (10.1.2.3) appended the real one.
    for (let attempt = 1; attempt <= LIMIT + 1; attempt += 1) statuses.push((await loginFrom(app, `192.0.2.${attempt}, 203.0.113.1, 10.1.2.3`)).status);
    expect(statuses).toEqual([400, 400, 400, 429]);
    expect((await loginFrom(app, '203.0.113.2, 10.1.2.3')).status).toBe(400);
    expect(await consentEvidenceFrom(app, '192.0.2.9, 203.0.113.9')).toBe('203.0.113.9');
  });
});

describe('clientAddress', () => {
  const trusted = trustedProxies(['10.0.0.0/8', '127.0.0.1', 'fd00::/8']);
  it.each([
    ['an untrusted peer: the header is ignored', '198.51.100.1', '203.0.113.9', '198.51.100.1'],
    ['a trusted peer without a header', '10.0.0.5', '', '10.0.0.5'],
    ['a trusted peer: the right-most untrusted hop', '10.0.0.5', '192.0.2.1, 203.0.113.9, 10.9.9.9', '203.0.113.9'],
    ['an IPv4 peer on a dual-stack socket', '::ffff:10.0.0.5', '203.0.113.9', '203.0.113.9'],
    ['an IPv6 proxy', 'fd12::1', '2001:db8::7', '2001:db8::7'],
    ['a hop that is no address stops the walk at the last trusted one', '10.0.0.5', '203.0.113.9, unknown, 10.1.1.1', '10.1.1.1'],
    ['every hop trusted: the farthest', '127.0.0.1', '10.2.2.2, 10.1.1.1', '10.2.2.2'],
  ])('%s', (_name, peer, forwardedFor, expected) => {
    expect(clientAddress(peer, forwardedFor, trusted)).toBe(expected);
  });
});

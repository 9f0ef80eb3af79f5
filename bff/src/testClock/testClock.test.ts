import { buildTestApp, testConfig, type TestApp } from '../test/app';
import { createTestClock, type TestClock } from './testClock';

/** Real time as the test says it is: the test clock adds its offset to it. */
const real = { ms: Date.parse('2026-11-29T02:00:00Z') };
let clock: TestClock;
let app: TestApp;

beforeEach(() => {
  real.ms = Date.parse('2026-11-29T02:00:00Z');
  clock = createTestClock(() => real.ms);
  app = buildTestApp({ config: testConfig({ TEST_CLOCK: 'true' }), now: clock.now, testClock: clock });
});

const serverTime = async (): Promise<string> => (await app.http.post('/api/system.ping').send({})).body.serverTime;

describe('/__test/clock: the e2e stack moves the BFF forward in time', () => {
  it('moves deps.now to the instant asked, and time flows on from there', async () => {
    expect((await app.http.get('/__test/clock')).body).toEqual({ now: '2026-11-29T02:00:00.000Z' });

    const moved = await app.http.post('/__test/clock').send({ now: '2026-12-06T10:00:00+08:00' });
    expect(moved.status).toBe(200);
    expect(moved.body).toEqual({ now: '2026-12-06T02:00:00.000Z' });
    expect(await serverTime()).toBe('2026-12-06T10:00:00+08:00');

    real.ms += 90_000;
    expect(app.deps.now().toISOString()).toBe('2026-12-06T02:01:30.000Z');
  });

  it('never moves back, and refuses what is not an instant', async () => {
    await app.http.post('/__test/clock').send({ now: '2026-12-06T10:00:00+08:00' });

    const back = await app.http.post('/__test/clock').send({ now: '2026-12-01T10:00:00+08:00' });
    expect(back.status).toBe(409);
    expect((await app.http.post('/__test/clock').send({ now: 'next week' })).status).toBe(400);
    expect((await app.http.post('/__test/clock').send({ now: '2026-12-07T10:00:00+08:00', by: 'anyone' })).status).toBe(400);
    expect(app.deps.now().toISOString()).toBe('2026-12-06T02:00:00.000Z');
  });

  it('does not exist on a BFF without TEST_CLOCK', async () => {
    const plain = buildTestApp();
    expect((await plain.http.get('/__test/clock')).status).toBe(404);
    expect((await plain.http.post('/__test/clock').send({ now: '2027-01-01T00:00:00Z' })).status).toBe(404);
  });
});

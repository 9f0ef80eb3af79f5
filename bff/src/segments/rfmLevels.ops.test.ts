import { businessInstant } from '@cakeday/shared';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember } from '../test/factories';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { buildMemberStats } from '../test/segmentFactories';

useTestDatabase();

const clock = { now: businessInstant('2026-11-23T10:00:00') };
let app: TestApp;

beforeAll(() => {
  app = buildTestApp({ now: () => clock.now });
});

/**
 * The birthday plan's levels on its 10-point scale (黄金 ≥ 8, 白银 4–7, 青铜 1–3): the member's R + F + M (0–15)
 * scaled to 10 and rounded. One member on each side of each boundary, through the built-in segments' sizes.
 */
describe('the built-in RFM segments at the 10-point boundaries', () => {
  it('8 is 黄金, 7 and 4 are 白银, 3 and 1 are 青铜, 0 is none', async () => {
    const joined = businessInstant('2025-01-10T10:00:00');
    const scored = [
      { r: 4, f: 4, m: 4 }, // 12 → 8
      { r: 5, f: 4, m: 2 }, // 11 → 7
      { r: 2, f: 2, m: 2 }, // 6 → 4
      { r: 2, f: 2, m: 1 }, // 5 → 3
      { r: 1, f: 0, m: 0 }, // 1 → 1
      { r: 0, f: 0, m: 0 }, // never bought
    ];
    for (const rfm of scored) await buildMemberStats(await buildMember({ createdAt: joined }), { stage: 'active', ...rfm });
    const analyst = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
    const list = await app.http.post('/api/ops.segments.list').set('Cookie', analyst).send({});
    expect(list.status).toBe(200);
    const sizes = Object.fromEntries(list.body.items.filter((item: { builtIn: boolean }) => item.builtIn).map((item: { name: string; size: number }) => [item.name, item.size]));
    expect(sizes).toEqual({ 'RFM 黄金': 1, 'RFM 白银': 2, 'RFM 青铜': 2 });
  });
});

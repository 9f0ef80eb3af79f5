import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildTestApp, type TestApp } from '../../bff/src/test/app';
import { useTestDatabase } from '../../bff/src/test/database';
import { buildMember } from '../../bff/src/test/factories';
import { buildStore } from '../../bff/src/test/operatorFactories';
import { memberCodeFor } from '../../bff/src/test/posFactories';
import { runOpsCommand } from '../ops/cli';
import { runTillCommand, type TillEnvironment } from './cli';

useTestDatabase();
let app: TestApp;
let server: Server;
let env: TillEnvironment;

async function run(...argv: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runTillCommand(argv, (line) => lines.push(line), env);
  return { code, lines };
}

beforeAll(async () => {
  app = buildTestApp();
  server = createServer(app.server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const store = await buildStore();
  const lines: string[] = [];
  expect(await runOpsCommand(['create-integration', '--name', '收银 1 号', '--store', store.code], (line) => lines.push(line))).toBe(0);
  const keyId = lines.find((line) => line.includes('key id '))?.split('key id ')[1];
  const secret = lines.find((line) => line.startsWith('secret: '))?.slice('secret: '.length);
  env = { CAKEDAY_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, CAKEDAY_KEY_ID: keyId, CAKEDAY_SECRET: secret };
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('npm run till (the till simulator)', () => {
  it('identifies a member, records a ¥520 purchase and refunds half, through signed requests', async () => {
    const member = await buildMember({ nickname: '韩梅梅' });
    const code = await memberCodeFor(app.http, member);
    expect(await run('identify', code.token)).toEqual({ code: 0, lines: ['member 韩*梅 · 普卡 · 0 points'] });
    const purchase = await run('purchase', code.numericCode, '520', '--receipt', 'R-DEMO-1');
    expect(purchase).toEqual({ code: 0, lines: ['receipt R-DEMO-1: paid ¥520.00, earned 520 points', 'member 韩*梅 · 金卡 (new tier) · 520 points'] });
    expect(await run('refund', 'R-DEMO-1', '260', '--refund-no', 'F-1')).toEqual({ code: 0, lines: ['refund F-1 of receipt R-DEMO-1: settled, ¥260.00, 260 points taken back'] });
    expect(await run('purchase', code.numericCode, '10')).toMatchObject({ code: 1, lines: [expect.stringContaining('MEMBER_CODE_USED')] });
  });

  it('shows the usage without a key or a command, and a wrong secret is refused', async () => {
    expect((await runTillCommand(['identify', 'x'], () => undefined, {})) ).toBe(2);
    const lines: string[] = [];
    expect(await runTillCommand(['identify', '660000000000000000'], (line) => lines.push(line), { ...env, CAKEDAY_SECRET: 'cks_wrong' })).toBe(1);
    expect(lines[0]).toContain('INTEGRATION_SIGNATURE_INVALID');
  });
});

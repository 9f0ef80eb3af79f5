import { useTestDatabase } from '../../bff/src/test/database';
import { buildTestApp } from '../../bff/src/test/app';
import { AuditEntryModel } from '../../bff/src/audit/AuditEntry.model';
import { runOpsCommand } from './cli';

useTestDatabase();

async function run(...argv: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runOpsCommand(argv, (line) => lines.push(line));
  return { code, lines };
}

describe('npm run ops', () => {
  it('create-operator makes the first admin with a one-time password that logs in and must be changed', async () => {
    const created = await run('create-operator', '--name', 'First.Admin', '--role', 'admin', '--display', '首位管理员');
    expect(created.code).toBe(0);
    const password = created.lines.find((line) => line.startsWith('one-time password: '))?.slice('one-time password: '.length);
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    const login = await buildTestApp().http.post('/api/ops.login').send({ loginName: 'first.admin', password });
    expect(login.status).toBe(200);
    expect(login.body.operator).toMatchObject({ displayName: '首位管理员', roles: ['admin'] });
    expect(login.body.requires.passwordChange).toBe(true);
    expect(await AuditEntryModel.findOne({ action: 'ops.operators.create' }).lean()).toMatchObject({ actor: { type: 'system', id: 'ops-cli' } });
  });

  it('refuses an unknown role or a missing name with the usage', async () => {
    expect((await run('create-operator', '--name', 'x1x', '--role', 'owner')).code).toBe(2);
    expect((await run('create-operator', '--role', 'admin')).lines.join('\n')).toContain('usage');
  });

  it('audit-verify proves the chain intact, and names the first entry after tampering', async () => {
    await run('create-operator', '--name', 'second.op', '--role', 'ops');
    await run('create-operator', '--name', 'third.op', '--role', 'analyst');
    expect(await run('audit-verify')).toEqual({ code: 0, lines: [expect.stringMatching(/^audit log intact: \d+ entries$/)] });
    const second = await AuditEntryModel.findOne({ 'after.loginName': 'second.op' }).lean();
    await AuditEntryModel.updateOne({ _id: second?._id }, { $set: { 'after.roles': ['admin'] } });
    const broken = await run('audit-verify');
    expect(broken.code).toBe(1);
    expect(broken.lines[0]).toContain(`BROKEN at entry ${second?._id} (hash)`);
  });
});

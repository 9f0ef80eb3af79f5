import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startWechatSandbox } from './index';
import { code2Session, postJson, stableToken } from './testSupport';

describe('state file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wechat-sandbox-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps codes, tokens and quotas across a restart (npm run dev)', async () => {
    const stateFile = path.join(dir, 'state.json');
    const before = await startWechatSandbox({ stateFile });
    const { code, openid } = await before.control.loginCode({ user: 'keeper' });
    const token = await stableToken(before.url);
    await before.control.subscribe({ user: 'keeper' }, 'helpSucceeded');
    await before.stop();

    const after = await startWechatSandbox({ stateFile });
    try {
      expect(await code2Session(after.url, code)).toMatchObject({ openid });
      expect(await stableToken(after.url)).toBe(token);
      expect(await after.control.quotas(openid)).toEqual([{ openid, templateId: 'sandbox-tmpl-help-succeeded', remaining: 1 }]);
      const sent = await postJson(
        after.url,
        '/cgi-bin/message/subscribe/send',
        { touser: openid, template_id: 'sandbox-tmpl-help-succeeded', data: { thing1: { value: '生日助力' }, name2: { value: '小明' }, thing3: { value: '快去看看吧' } } },
        { access_token: token },
      );
      expect(sent.errcode).toBe(0);
    } finally {
      await after.stop();
    }
  });
});

import { useSandbox } from './testSupport';
import { DEV_WECOM_ROBOT_KEY } from './wecom/robotSandbox';

const { sandbox } = useSandbox();

async function post(key: string | null, body: unknown): Promise<{ status: number; errcode: number; errmsg: string }> {
  const query = key === null ? '' : `?key=${encodeURIComponent(key)}`;
  const response = await fetch(`${sandbox().url}/cgi-bin/webhook/send${query}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const answer = (await response.json()) as { errcode: number; errmsg: string };
  return { status: response.status, ...answer };
}

const markdown = (content: string) => ({ msgtype: 'markdown', markdown: { content } });

describe('企业微信 group robot webhook', () => {
  it('a known key posts the markdown message (errcode 0) to the outbox; an unknown or missing key is 93000', async () => {
    expect(await post(DEV_WECOM_ROBOT_KEY, markdown('**告警**'))).toMatchObject({ status: 200, errcode: 0, errmsg: 'ok' });
    expect(sandbox().wecom.outbox(DEV_WECOM_ROBOT_KEY).map((message) => message.content)).toEqual(['**告警**']);
    expect(await post('no-such-robot', markdown('x'))).toMatchObject({ status: 200, errcode: 93000 });
    expect(await post(null, markdown('x'))).toMatchObject({ errcode: 93000 });
    expect(sandbox().wecom.outbox()).toHaveLength(1);
  });

  it('refuses what 企业微信 refuses: a bad msgtype (40008), empty content (44004), content over 4096 bytes (40058)', async () => {
    expect((await post(DEV_WECOM_ROBOT_KEY, { msgtype: 'card', card: {} })).errcode).toBe(40008);
    expect((await post(DEV_WECOM_ROBOT_KEY, 'not json')).errcode).toBe(40008);
    expect((await post(DEV_WECOM_ROBOT_KEY, markdown('  '))).errcode).toBe(44004);
    expect((await post(DEV_WECOM_ROBOT_KEY, markdown('告'.repeat(1366)))).errcode).toBe(40058);
    expect((await post(DEV_WECOM_ROBOT_KEY, markdown('告'.repeat(1365)))).errcode).toBe(0);
  });

  it('takes 20 messages a minute per robot (45009 beyond), counted on the sandbox clock', async () => {
    for (let index = 0; index < 20; index += 1) expect((await post(DEV_WECOM_ROBOT_KEY, markdown(`第${index}条`))).errcode).toBe(0);
    expect(await post(DEV_WECOM_ROBOT_KEY, markdown('第21条'))).toMatchObject({ errcode: 45009 });
    await sandbox().control.advanceClock(61);
    expect((await post(DEV_WECOM_ROBOT_KEY, markdown('下一分钟'))).errcode).toBe(0);
  });
});

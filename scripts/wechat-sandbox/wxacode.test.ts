import { stableToken, useSandbox } from './testSupport';

const { sandbox } = useSandbox();

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function getCode(url: string, token: string, body: object): Promise<{ type: string; bytes: Buffer }> {
  const response = await fetch(`${url}/wxa/getwxacodeunlimit?access_token=${token}`, { method: 'POST', body: JSON.stringify(body) });
  return { type: response.headers.get('content-type') ?? '', bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('getwxacodeunlimit', () => {
  it('answers a PNG for a valid scene and page', async () => {
    const { url } = sandbox();
    const token = await stableToken(url);
    const answer = await getCode(url, token, { scene: 'h=AbC123_-.~', page: 'pages/birthday/index', width: 280 });
    expect(answer.type).toBe('image/png');
    expect(answer.bytes.subarray(0, 8)).toEqual(PNG_MAGIC);
  });

  it('JSON errors: scene too long (40169) or with a bad character (40097), unknown page (41030) unless check_path is false', async () => {
    const { url } = sandbox();
    const token = await stableToken(url);
    const errcode = async (body: object): Promise<number | undefined> => {
      const answer = await getCode(url, token, body);
      expect(answer.type).toContain('application/json');
      return (JSON.parse(answer.bytes.toString()) as { errcode?: number }).errcode;
    };
    expect(await errcode({ scene: 'a'.repeat(33) })).toBe(40169);
    expect(await errcode({ scene: '生日' })).toBe(40097);
    expect(await errcode({ scene: 'a%20b' })).toBe(40097);
    expect(await errcode({ scene: 'ok', page: 'pages/nowhere/index' })).toBe(41030);
    expect(await errcode({ scene: 'ok', page: '/pages/home/index' })).toBe(40097);
    const unchecked = await getCode(url, token, { scene: 'a'.repeat(32), page: 'pages/nowhere/index', check_path: false });
    expect(unchecked.bytes.subarray(0, 8)).toEqual(PNG_MAGIC);
    expect(await errcode({ scene: 'ok', width: 100 })).toBe(40097);
    const expired = await getCode(url, 'bogus', { scene: 'ok' });
    expect(JSON.parse(expired.bytes.toString())).toMatchObject({ errcode: 40014 });
  });
});

describe('control API', () => {
  it('answers CORS preflights and carries Access-Control-Allow-Origin (the H5 app calls it from the browser)', async () => {
    const { url } = sandbox();
    const preflight = await fetch(`${url}/__sandbox/login-codes`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:10086', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
    const minted = await fetch(`${url}/__sandbox/login-codes`, { method: 'POST', headers: { Origin: 'http://127.0.0.1:10086' }, body: JSON.stringify({ user: 'demo' }) });
    expect(minted.headers.get('access-control-allow-origin')).toBe('*');
    expect(await minted.json()).toEqual({ code: expect.any(String), openid: 'o-demo-cakeday-0001' });
  });

  it('400 for a malformed control request; WeChat paths are not CORS-enabled', async () => {
    const { url } = sandbox();
    const bad = await fetch(`${url}/__sandbox/subscriptions`, { method: 'POST', body: JSON.stringify({ user: 'demo' }) });
    expect(bad.status).toBe(400);
    const wechat = await fetch(`${url}/cgi-bin/token?grant_type=client_credential&appid=x&secret=y`);
    expect(wechat.headers.get('access-control-allow-origin')).toBeNull();
  });
});

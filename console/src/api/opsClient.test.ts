/** @jest-environment node */
import { OpsApiError } from './opsApiError';
import { opsCall } from './opsClient';
import { opsExport, type ExportProgress } from './opsExport';
import { saveFile } from './saveFile';
import { onUnauthenticated } from './unauthenticated';

jest.mock('./saveFile', () => ({ saveFile: jest.fn() }));

type Sent = { url: string; init: RequestInit };

function answering(...responses: Response[]): Sent[] {
  const sent: Sent[] = [];
  global.fetch = jest.fn(async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({ url: String(url), init: init ?? {} });
    const next = responses.shift();
    if (!next) throw new Error('unexpected request');
    return next;
  }) as typeof fetch;
  return sent;
}

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const failure = (status: number, code: string, fields?: unknown): Response =>
  json(status, { error: { code, message: 'server text', ...(fields ? { fields } : {}) } });

/** A CSV answer that arrives in the given pieces, one read at a time, each piece only after the previous was read. */
function streamed(pieces: string[], headers: Record<string, string>): Response {
  const encoder = new TextEncoder();
  const queue = [...pieces];
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = queue.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(encoder.encode(next));
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/csv; charset=utf-8', ...headers } });
}

const session = {
  operator: { id: 'o1', loginName: 'admin', displayName: '管理员', roles: ['admin'], storeId: null, storeName: null, status: 'active', totpEnabled: false, lastLoginAt: null, createdAt: '2026-01-01T08:00:00+08:00', version: 0 },
  requires: { passwordChange: false, totpEnrollment: false },
  idleExpiresAt: '2026-01-01T08:30:00+08:00',
  expiresAt: '2026-01-01T20:00:00+08:00',
};

describe('opsCall', () => {
  let unauthenticated: number;
  let stopListening: () => void;

  beforeEach(() => {
    unauthenticated = 0;
    stopListening = onUnauthenticated(() => {
      unauthenticated += 1;
    });
  });
  afterEach(() => stopListening());

  it('posts JSON to /api/<name> on the same origin with the session cookie, and resolves with the body', async () => {
    const sent = answering(json(200, session));

    const answer = await opsCall('ops.login', { loginName: 'admin', password: 'secret' });

    expect(answer.operator.displayName).toBe('管理员');
    expect(sent[0]?.url).toBe('/api/ops.login');
    expect(sent[0]?.init).toMatchObject({ method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' } });
    expect(JSON.parse(String(sent[0]?.init.body))).toEqual({ loginName: 'admin', password: 'secret' });
  });

  it('rejects with OpsApiError carrying the code, the Chinese text for it, the fields and the status', async () => {
    answering(failure(400, 'VALIDATION_FAILED', [{ path: 'settings.tiers.goldFen', message: 'Too small' }]));

    const error = await opsCall('ops.settings.current', {}).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(OpsApiError);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '提交的信息有误，请检查后重试',
      status: 400,
      fields: [{ path: 'settings.tiers.goldFen', message: 'Too small' }],
    });
  });

  it('maps a 409 STALE_VERSION to its message, and an unknown code or a non-JSON body to INTERNAL', async () => {
    answering(failure(409, 'STALE_VERSION'), failure(500, 'SOMETHING_NEW'), new Response('<html>Bad gateway</html>', { status: 502 }));

    await expect(opsCall('ops.settings.current', {})).rejects.toMatchObject({ code: 'STALE_VERSION', message: '数据已被他人修改，请刷新后重试' });
    await expect(opsCall('ops.settings.current', {})).rejects.toMatchObject({ code: 'INTERNAL', message: '系统繁忙，请稍后再试', status: 500 });
    await expect(opsCall('ops.settings.current', {})).rejects.toMatchObject({ code: 'INTERNAL', status: 502 });
  });

  it('rejects with NETWORK_ERROR when the request itself fails', async () => {
    global.fetch = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;

    await expect(opsCall('ops.me', {})).rejects.toMatchObject({ code: 'NETWORK_ERROR', message: '网络连接失败，请检查网络后重试', status: 0 });
  });

  it('ends the session in the app (back to the login page) on a 401 from a signed-in route', async () => {
    answering(failure(401, 'SESSION_EXPIRED'));

    await expect(opsCall('ops.operators.list', { page: 1, pageSize: 20 })).rejects.toMatchObject({ code: 'SESSION_EXPIRED', status: 401 });

    expect(unauthenticated).toBe(1);
  });

  it('does not treat a refused login (wrong password, code needed) as a lost session', async () => {
    answering(failure(401, 'OPS_LOGIN_FAILED'), failure(401, 'OPS_TOTP_REQUIRED'));

    await expect(opsCall('ops.login', { loginName: 'admin', password: 'wrong' })).rejects.toMatchObject({ code: 'OPS_LOGIN_FAILED' });
    await expect(opsCall('ops.login', { loginName: 'admin', password: 'right' })).rejects.toMatchObject({ code: 'OPS_TOTP_REQUIRED' });

    expect(unauthenticated).toBe(0);
  });

  it('does not end the session on a 403', async () => {
    answering(failure(403, 'FORBIDDEN'));

    await expect(opsCall('ops.audit.list', { page: 1, pageSize: 20 })).rejects.toMatchObject({ code: 'FORBIDDEN', message: '没有权限进行此操作' });

    expect(unauthenticated).toBe(0);
  });
});

describe('opsExport', () => {
  beforeEach(() => jest.mocked(saveFile).mockClear());

  it('counts the rows as they stream in against X-Export-Total, then saves the file under its name', async () => {
    const header = '\uFEFF序号,时间,操作人,原因\r\n';
    // The second row's reason holds a quoted line break, and rows are split across chunks.
    const pieces = [header, '1,2026-01-01,管理员,首次\r\n2,2026-01-02,管理员,"两行', '\n原因"\r\n3,2026-01', '-03,运营,调整\r\n'];
    const sent = answering(
      streamed(pieces, { 'X-Export-Total': '3', 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent('操作日志-2026.csv')}` }),
    );
    const progress: ExportProgress[] = [];

    const result = await opsExport('ops.audit.export', { action: 'ops.settings.update' }, (update) => progress.push(update));

    expect(JSON.parse(String(sent[0]?.init.body))).toEqual({ action: 'ops.settings.update' });
    expect(progress[0]).toEqual({ rows: 0, total: 3 });
    expect(progress.map((update) => update.rows)).toEqual([0, 0, 1, 2, 3, 3]);
    expect(progress.every((update) => update.total === 3)).toBe(true);
    expect(result).toEqual({ filename: '操作日志-2026.csv', rows: 3 });
    const [blob, filename] = jest.mocked(saveFile).mock.calls[0] ?? [];
    expect(filename).toBe('操作日志-2026.csv');
    // Byte for byte, the byte-order mark Excel needs included.
    expect(Buffer.from(await (blob as Blob).arrayBuffer()).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
  });

  it('counts a last row without a line break, and a missing total as unknown', async () => {
    answering(streamed(['a,b\r\n1,2\r\n3,4'], {}));
    const progress: ExportProgress[] = [];

    const result = await opsExport('ops.audit.export', {}, (update) => progress.push(update));

    expect(result).toEqual({ filename: 'ops.audit.export.csv', rows: 2 });
    expect(progress.at(-1)).toEqual({ rows: 2, total: null });
  });

  it('rejects a refused export with OpsApiError and saves nothing', async () => {
    answering(failure(403, 'FORBIDDEN'));

    await expect(opsExport('ops.audit.export', {}, () => undefined)).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(saveFile).not.toHaveBeenCalled();
  });
});

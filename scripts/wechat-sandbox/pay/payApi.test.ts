import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { generatePayKeys } from './keys';
import { startPaySandbox, type RunningPaySandbox } from './server';
import { decryptResource, responseMessage, verifySha256Rsa, type EncryptedResource } from './signing';
import { jsapiBody, merchantCall, startReceiver } from './testSupport';

const keys = generatePayKeys({ appid: 'wx1234567890abcdef' });
let clock = Date.now();
let sandbox: RunningPaySandbox;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  sandbox = await startPaySandbox({ keys, now: () => new Date(clock), timeScale: 0.00001 });
  receiver = await startReceiver();
});
afterAll(async () => {
  await sandbox.stop();
  await receiver.stop();
});
beforeEach(() => {
  clock = Date.now();
  sandbox.control.setKeyMode('publicKey');
});

const call = (method: 'GET' | 'POST', path: string, body?: unknown, options?: Parameters<typeof merchantCall>[5]) =>
  merchantCall(sandbox.url, keys, method, path, body, options);
const query = (outTradeNo: string) => call('GET', `/v3/pay/transactions/out-trade-no/${outTradeNo}?mchid=${keys.mchid}`);

async function paidOrder(total = 8800): Promise<string> {
  const body = jsapiBody(keys, receiver.url, { amount: { total, currency: 'CNY' } });
  expect((await call('POST', '/v3/pay/transactions/jsapi', body)).status).toBe(200);
  const paid = sandbox.control.pay(body.out_trade_no as string);
  await sandbox.control.settled(paid.notificationId);
  return body.out_trade_no as string;
}

describe('merchant request signatures', () => {
  it('answers 401 SIGN_ERROR to a request signed with another key, a stale timestamp, a wrong serial or no Authorization', async () => {
    const body = jsapiBody(keys, receiver.url);
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const attempts = [
      await call('POST', '/v3/pay/transactions/jsapi', body, { privateKeyPem: otherKey }),
      await call('POST', '/v3/pay/transactions/jsapi', body, { timestamp: Math.floor(Date.now() / 1000) - 600 }),
      await call('POST', '/v3/pay/transactions/jsapi', body, { serial: '0123456789ABCDEF' }),
      await fetch(`${sandbox.url}/v3/pay/transactions/jsapi`, { method: 'POST', body: JSON.stringify(body) }).then(async (response) => ({
        status: response.status,
        json: (await response.json()) as Record<string, unknown>,
      })),
    ];
    for (const answer of attempts) {
      expect(answer.status).toBe(401);
      expect(answer.json.code).toBe('SIGN_ERROR');
    }
    expect((await query(body.out_trade_no as string)).json.code).toBe('ORDER_NOT_EXIST');
  });

  it('signs every answer with the key of the current mode, errors included', async () => {
    const check = (answer: Awaited<ReturnType<typeof call>>, publicKey: string): boolean =>
      verifySha256Rsa(
        responseMessage(answer.headers.get('wechatpay-timestamp') ?? '', answer.headers.get('wechatpay-nonce') ?? '', answer.text),
        answer.headers.get('wechatpay-signature') ?? '',
        publicKey,
      );
    const missing = await query('NO_SUCH_ORDER_1');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('wechatpay-serial')).toBe(keys.wechatpayPublicKey.id);
    expect(keys.wechatpayPublicKey.id).toMatch(/^PUB_KEY_ID_\d{32}$/);
    expect(check(missing, keys.wechatpayPublicKey.publicKeyPem)).toBe(true);
    expect(check(missing, keys.platform.certificatePem)).toBe(false);

    sandbox.control.setKeyMode('platformCertificate');
    const platformSigned = await query('NO_SUCH_ORDER_1');
    expect(platformSigned.headers.get('wechatpay-serial')).toBe(keys.platform.serial);
    expect(keys.platform.serial).toMatch(/^[0-9A-F]{40}$/);
    expect(check(platformSigned, keys.platform.certificatePem)).toBe(true);
  });

  it('serves the platform certificate encrypted with the APIv3 key on /v3/certificates', async () => {
    const answer = await call('GET', '/v3/certificates');
    expect(answer.status).toBe(200);
    const [entry] = answer.json.data as { serial_no: string; encrypt_certificate: EncryptedResource }[];
    expect(entry?.serial_no).toBe(keys.platform.serial);
    const pem = decryptResource(entry!.encrypt_certificate, keys.apiV3Key);
    expect(new X509Certificate(pem).serialNumber).toBe(keys.platform.serial);
    expect(() => decryptResource(entry!.encrypt_certificate, 'x'.repeat(32))).toThrow();
  });
});

describe('JSAPI orders', () => {
  it('names the offending field in 400 PARAM_ERROR', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ payer: {} }, '/payer/openid'],
      [{ amount: { total: 0, currency: 'CNY' } }, '/amount/total'],
      [{ out_trade_no: 'abc' }, '/out_trade_no'],
      [{ notify_url: 'https://example.com/notify?x=1' }, '/notify_url'],
      [{ description: undefined }, '/description'],
      [{ time_expire: 'tomorrow' }, '/time_expire'],
    ];
    for (const [overrides, field] of cases) {
      const answer = await call('POST', '/v3/pay/transactions/jsapi', jsapiBody(keys, receiver.url, overrides));
      expect([answer.status, answer.json.code, (answer.json.detail as { field?: string }).field]).toEqual([400, 'PARAM_ERROR', field]);
    }
    const wrongApp = await call('POST', '/v3/pay/transactions/jsapi', jsapiBody(keys, receiver.url, { appid: 'wx0000000000000001' }));
    expect([wrongApp.status, wrongApp.json.code]).toEqual([400, 'APPID_MCHID_NOT_MATCH']);
  });

  it('returns the same prepay_id for the same content and OUT_TRADE_NO_USED for different content', async () => {
    const body = jsapiBody(keys, receiver.url);
    const first = await call('POST', '/v3/pay/transactions/jsapi', body);
    const again = await call('POST', '/v3/pay/transactions/jsapi', { ...body });
    expect(first.status).toBe(200);
    expect(first.json.prepay_id).toMatch(/^wx\d{14}\d{20}$/);
    expect(again.json.prepay_id).toBe(first.json.prepay_id);
    const changed = await call('POST', '/v3/pay/transactions/jsapi', { ...body, amount: { total: 1, currency: 'CNY' } });
    expect([changed.status, changed.json.code]).toEqual([403, 'OUT_TRADE_NO_USED']);
  });

  it('moves NOTPAY -> SUCCESS on payment, refuses to close a paid order, and closes an unpaid one with 204', async () => {
    const outTradeNo = await paidOrder();
    const paid = await query(outTradeNo);
    expect(paid.json).toMatchObject({ trade_state: 'SUCCESS', out_trade_no: outTradeNo, amount: { total: 8800, payer_total: 8800 } });
    expect(paid.json.transaction_id).toMatch(/^42000\d+$/);
    const closePaid = await call('POST', `/v3/pay/transactions/out-trade-no/${outTradeNo}/close`, { mchid: keys.mchid });
    expect([closePaid.status, closePaid.json.code]).toEqual([400, 'ORDERPAID']);

    const unpaid = jsapiBody(keys, receiver.url);
    await call('POST', '/v3/pay/transactions/jsapi', unpaid);
    expect((await query(unpaid.out_trade_no as string)).json.trade_state).toBe('NOTPAY');
    const closed = await call('POST', `/v3/pay/transactions/out-trade-no/${unpaid.out_trade_no as string}/close`, { mchid: keys.mchid });
    expect([closed.status, closed.text]).toEqual([204, '']);
    expect((await query(unpaid.out_trade_no as string)).json.trade_state).toBe('CLOSED');
    expect(() => sandbox.control.pay(unpaid.out_trade_no as string)).toThrow(/CLOSED/);
  });

  it('closes an unpaid order once its time_expire has passed', async () => {
    const body = jsapiBody(keys, receiver.url, { time_expire: new Date(clock + 60_000).toISOString().replace('Z', '+00:00') });
    await call('POST', '/v3/pay/transactions/jsapi', body);
    expect((await query(body.out_trade_no as string)).json.trade_state).toBe('NOTPAY');
    clock += 61_000;
    const expired = await call('GET', `/v3/pay/transactions/out-trade-no/${body.out_trade_no as string}?mchid=${keys.mchid}`, undefined, {
      timestamp: Math.floor(clock / 1000),
    });
    expect(expired.json).toMatchObject({ trade_state: 'CLOSED', trade_state_desc: '订单已超时关闭' });
  });
});

describe('refunds', () => {
  const refundBody = (outTradeNo: string, outRefundNo: string, refund: number) => ({
    out_trade_no: outTradeNo,
    out_refund_no: outRefundNo,
    amount: { refund, total: 8800, currency: 'CNY' },
  });

  it('is idempotent on out_refund_no and moves PROCESSING -> SUCCESS, marking the order REFUND', async () => {
    const outTradeNo = await paidOrder();
    const first = await call('POST', '/v3/refund/domestic/refunds', refundBody(outTradeNo, `R-${outTradeNo}`, 3000));
    const again = await call('POST', '/v3/refund/domestic/refunds', refundBody(outTradeNo, `R-${outTradeNo}`, 3000));
    expect(first.json).toMatchObject({ status: 'PROCESSING', amount: { refund: 3000, total: 8800 } });
    expect(again.json.refund_id).toBe(first.json.refund_id);
    const reused = await call('POST', '/v3/refund/domestic/refunds', refundBody(outTradeNo, `R-${outTradeNo}`, 100));
    expect([reused.status, reused.json.code]).toEqual([400, 'INVALID_REQUEST']);
    const tooMuch = await call('POST', '/v3/refund/domestic/refunds', refundBody(outTradeNo, `R2-${outTradeNo}`, 5801));
    expect([tooMuch.status, tooMuch.json.code]).toEqual([400, 'INVALID_REQUEST']);

    const settled = sandbox.control.settleRefund(`R-${outTradeNo}`, 'SUCCESS');
    await sandbox.control.settled(settled.notificationId ?? '');
    const refundQuery = await call('GET', `/v3/refund/domestic/refunds/R-${outTradeNo}`);
    expect(refundQuery.json).toMatchObject({ status: 'SUCCESS', refund_id: first.json.refund_id });
    expect((await query(outTradeNo)).json.trade_state).toBe('REFUND');
    const notice = receiver.received.at(-1);
    const envelope = JSON.parse(notice?.body ?? '{}') as { event_type: string; resource: EncryptedResource };
    expect(envelope.event_type).toBe('REFUND.SUCCESS');
    expect(JSON.parse(decryptResource(envelope.resource, keys.apiV3Key))).toMatchObject({ out_refund_no: `R-${outTradeNo}`, refund_status: 'SUCCESS' });
  });

  it('refuses refunds of unpaid or unknown orders and reports ABNORMAL and CLOSED outcomes', async () => {
    const unpaid = jsapiBody(keys, receiver.url);
    await call('POST', '/v3/pay/transactions/jsapi', unpaid);
    const early = await call('POST', '/v3/refund/domestic/refunds', refundBody(unpaid.out_trade_no as string, 'R-early', 100));
    expect([early.status, early.json.code]).toEqual([400, 'INVALID_REQUEST']);
    const unknown = await call('POST', '/v3/refund/domestic/refunds', refundBody('NO_SUCH_ORDER_2', 'R-unknown', 100));
    expect([unknown.status, unknown.json.code]).toEqual([404, 'RESOURCE_NOT_EXISTS']);
    expect((await call('GET', '/v3/refund/domestic/refunds/R-unknown')).status).toBe(404);

    const outTradeNo = await paidOrder();
    await call('POST', '/v3/refund/domestic/refunds', refundBody(outTradeNo, `A-${outTradeNo}`, 100));
    await call('POST', '/v3/refund/domestic/refunds', refundBody(outTradeNo, `C-${outTradeNo}`, 100));
    sandbox.control.settleRefund(`A-${outTradeNo}`, 'ABNORMAL');
    sandbox.control.settleRefund(`C-${outTradeNo}`, 'CLOSED');
    expect((await call('GET', `/v3/refund/domestic/refunds/A-${outTradeNo}`)).json.status).toBe('ABNORMAL');
    expect((await call('GET', `/v3/refund/domestic/refunds/C-${outTradeNo}`)).json.status).toBe('CLOSED');
    expect(() => sandbox.control.settleRefund(`C-${outTradeNo}`, 'SUCCESS')).toThrow();
    expect((await query(outTradeNo)).json.trade_state).toBe('SUCCESS');
  });
});

describe('faults and the control API', () => {
  it('answers injected errors for the next calls only', async () => {
    sandbox.control.failNext('query', { status: 500, code: 'SYSTEM_ERROR' }, 1);
    expect((await query('NO_SUCH_ORDER_3')).json.code).toBe('SYSTEM_ERROR');
    expect((await query('NO_SUCH_ORDER_3')).json.code).toBe('ORDER_NOT_EXIST');
  });

  it('pays an order through POST /__sandbox/pay/orders/{prepay_id}/pay', async () => {
    const body = jsapiBody(keys, receiver.url);
    const prepay = await call('POST', '/v3/pay/transactions/jsapi', body);
    const response = await fetch(`${sandbox.url}/__sandbox/pay/orders/${prepay.json.prepay_id as string}/pay`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { transaction: { trade_state: string } }).transaction.trade_state).toBe('SUCCESS');
    expect((await query(body.out_trade_no as string)).json.trade_state).toBe('SUCCESS');
    const again = await fetch(`${sandbox.url}/__sandbox/pay/orders/${body.out_trade_no as string}/pay`, { method: 'POST' });
    expect(again.status).toBe(400);
    expect((await fetch(`${sandbox.url}/__sandbox/pay/reset`, { method: 'POST' })).status).toBe(200);
    expect((await query(body.out_trade_no as string)).json.code).toBe('ORDER_NOT_EXIST');
    expect(sandbox.control.deliveries()).toEqual([]);
  });
});

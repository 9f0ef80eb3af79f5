import { createSign, randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { AppError } from '../../errors/AppError';
import { testConfig } from '../../test/app';
import { usePaySandbox } from '../../test/paySandbox';
import type { WechatPay } from '../types';
import { createWechatPay } from './wechatPay';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

const harness = usePaySandbox();
let pay: WechatPay;
const received: Received[] = [];

beforeAll(() => {
  pay = createWechatPay(testConfig(harness().config));
  // Stands in for the mall's POST /wechat/pay/notify: keeps the raw bytes and headers exactly as delivered.
  harness().serve((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(204);
      response.end();
    });
  });
});
afterEach(() => harness().pay.setKeyMode('publicKey'));

async function paidOrder(): Promise<{ outTradeNo: string; notificationId: string }> {
  const outTradeNo = `CK${randomBytes(8).toString('hex')}`;
  await pay.prepayJsapi({ outTradeNo, description: '生日蛋糕兑换券', amountFen: 6600, payerOpenid: 'o_notify_test' });
  const { notificationId } = harness().pay.pay(outTradeNo);
  await harness().pay.settled(notificationId);
  return { outTradeNo, notificationId };
}

const delivered = (notificationId: string): Received[] => received.filter((entry) => (JSON.parse(entry.body) as { id: string }).id === notificationId);

async function rejection(promise: Promise<unknown>): Promise<{ error: AppError; reason: string }> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { error, reason: error.cause instanceof Error ? error.cause.message : '' };
}

function resign(entry: Received, body: string, privateKeyPem: string): Received {
  const timestamp = String(entry.headers['wechatpay-timestamp']);
  const nonce = String(entry.headers['wechatpay-nonce']);
  const signature = createSign('RSA-SHA256').update(`${timestamp}\n${nonce}\n${body}\n`).sign(privateKeyPem, 'base64');
  return { headers: { ...entry.headers, 'wechatpay-signature': signature }, body };
}

describe('parseNotification', () => {
  it('accepts the genuine payment notification and returns the decrypted transaction', async () => {
    const { outTradeNo, notificationId } = await paidOrder();
    const [genuine] = delivered(notificationId);
    expect(genuine?.headers['wechatpay-serial']).toBe(harness().keys.wechatpayPublicKey.id);
    const notification = await pay.parseNotification(genuine!.headers, genuine!.body);
    expect(notification).toMatchObject({ id: notificationId, kind: 'transaction', transaction: { outTradeNo, tradeState: 'SUCCESS', amountTotalFen: 6600 } });
  });

  it('accepts a duplicate delivery (same id) and a refund notification', async () => {
    const { outTradeNo, notificationId } = await paidOrder();
    await harness().pay.duplicate(notificationId);
    const copies = delivered(notificationId);
    expect(copies).toHaveLength(2);
    expect((await pay.parseNotification(copies[1]!.headers, copies[1]!.body)).id).toBe(notificationId);

    await pay.refund({ outTradeNo, outRefundNo: `RF${outTradeNo}`, refundFen: 6600, totalFen: 6600 });
    const settled = harness().pay.settleRefund(`RF${outTradeNo}`, 'SUCCESS');
    await harness().pay.settled(settled.notificationId ?? '');
    const [refundNotice] = delivered(settled.notificationId ?? '');
    expect(await pay.parseNotification(refundNotice!.headers, refundNotice!.body)).toMatchObject({
      kind: 'refund',
      refund: { outTradeNo, outRefundNo: `RF${outTradeNo}`, status: 'SUCCESS', refundFen: 6600 },
    });
  });

  it('verifies with the platform certificate when Wechatpay-Serial names it', async () => {
    harness().pay.setKeyMode('platformCertificate');
    const { notificationId } = await paidOrder();
    const [genuine] = delivered(notificationId);
    expect(genuine?.headers['wechatpay-serial']).toBe(harness().keys.platform.serial);
    expect((await pay.parseNotification(genuine!.headers, genuine!.body)).kind).toBe('transaction');
  });

  it('rejects a tampered body, a forged signature, a stale timestamp and an unknown serial with 401 PAY_NOTIFICATION_INVALID', async () => {
    const { notificationId } = await paidOrder();
    const [genuine] = delivered(notificationId);
    const envelope = JSON.parse(genuine!.body) as { resource: { ciphertext: string } };
    const flipped = Buffer.from(envelope.resource.ciphertext, 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 0xff;
    const tamperedBody = JSON.stringify({ ...envelope, resource: { ...envelope.resource, ciphertext: flipped.toString('base64') } });
    const probe = await harness().pay.probe(notificationId);
    const replay = await harness().pay.replay(notificationId, 301);
    const [probed, replayed] = delivered(notificationId).slice(-2);
    expect([probe.kind, replay.kind]).toEqual(['probe', 'replay']);

    const cases: [string, Received, string][] = [
      ['tampered body, original signature', { headers: genuine!.headers, body: tamperedBody }, 'bad-signature'],
      // Signed with the real key so only the AES-GCM tag can catch it.
      ['tampered ciphertext, valid signature', resign(genuine!, tamperedBody, harness().keys.wechatpayPublicKey.privateKeyPem), 'undecryptable resource'],
      ['signature probe', probed!, 'bad-signature'],
      ['forged with another key', resign(genuine!, genuine!.body, harness().keys.merchant.privateKeyPem), 'bad-signature'],
      ['stale timestamp', replayed!, 'stale-timestamp'],
      ['unknown certificate serial', { headers: { ...genuine!.headers, 'wechatpay-serial': '1DB2A1F0E5C7D3B4A6F8E9D0C1B2A3F4E5D6C7B8' }, body: genuine!.body }, 'unknown-serial'],
      ['unknown public key id', { headers: { ...genuine!.headers, 'wechatpay-serial': 'PUB_KEY_ID_0000000000000000000000000000000001' }, body: genuine!.body }, 'unknown-serial'],
      ['missing headers', { headers: { 'content-type': 'application/json' }, body: genuine!.body }, 'missing-headers'],
    ];
    for (const [name, input, reason] of cases) {
      const outcome = await rejection(pay.parseNotification(input.headers, input.body));
      expect({ name, status: outcome.error.status, code: outcome.error.code, reason: outcome.reason.includes(reason) }).toEqual({
        name,
        status: 401,
        code: 'PAY_NOTIFICATION_INVALID',
        reason: true,
      });
    }
    // The genuine delivery still passes: each case failed for its own reason, not a broken verifier.
    expect((await pay.parseNotification(genuine!.headers, genuine!.body)).id).toBe(notificationId);
  });
});

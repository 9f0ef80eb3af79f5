import { createSign } from 'node:crypto';
import { generatePayKeys } from './keys';
import { RETRY_SCHEDULE_SECONDS } from './notifier';
import { deliverySignatureValid } from './paySandbox';
import { startPaySandbox, type RunningPaySandbox } from './server';
import { decryptResource, type EncryptedResource } from './signing';
import { jsapiBody, merchantCall, startReceiver } from './testSupport';

const keys = generatePayKeys();
let sandbox: RunningPaySandbox;

beforeAll(async () => {
  // 0.00001 turns the 24-hour schedule into under a second.
  sandbox = await startPaySandbox({ keys, timeScale: 0.00001 });
});
afterAll(() => sandbox.stop());

async function placeOrder(notifyUrl: string): Promise<{ outTradeNo: string; prepayId: string }> {
  const body = jsapiBody(keys, notifyUrl);
  const answer = await merchantCall(sandbox.url, keys, 'POST', '/v3/pay/transactions/jsapi', body);
  return { outTradeNo: body.out_trade_no as string, prepayId: answer.json.prepay_id as string };
}

describe('payment notifications', () => {
  it('delivers a signed, AES-256-GCM encrypted TRANSACTION.SUCCESS to notify_url', async () => {
    const receiver = await startReceiver();
    try {
      const { outTradeNo } = await placeOrder(receiver.url);
      const paid = sandbox.control.pay(outTradeNo);
      expect(await sandbox.control.settled(paid.notificationId)).toEqual({ delivered: true, attempts: 1 });
      const [notice] = receiver.received;
      const envelope = JSON.parse(notice?.body ?? '{}') as { id: string; event_type: string; resource: EncryptedResource & { original_type: string } };
      expect(envelope).toMatchObject({ id: paid.notificationId, event_type: 'TRANSACTION.SUCCESS', resource: { original_type: 'transaction', algorithm: 'AEAD_AES_256_GCM', associated_data: 'transaction' } });
      expect(envelope.resource.nonce).toHaveLength(12);
      expect(JSON.parse(decryptResource(envelope.resource, keys.apiV3Key))).toMatchObject({ out_trade_no: outTradeNo, trade_state: 'SUCCESS', amount: { total: 8800 } });
      expect(notice?.headers['wechatpay-serial']).toBe(keys.wechatpayPublicKey.id);
      const [delivery] = sandbox.control.deliveries().filter((entry) => entry.notificationId === paid.notificationId);
      expect(delivery && deliverySignatureValid(delivery, keys.wechatpayPublicKey.publicKeyPem)).toBe(true);
    } finally {
      await receiver.stop();
    }
  });

  it('retries on WeChat Pay schedule until the receiver answers 200/204', async () => {
    const receiver = await startReceiver([500, 404, 200]);
    try {
      const { outTradeNo } = await placeOrder(receiver.url);
      const paid = sandbox.control.pay(outTradeNo);
      expect(await sandbox.control.settled(paid.notificationId)).toEqual({ delivered: true, attempts: 3 });
      const attempts = sandbox.control.deliveries().filter((entry) => entry.notificationId === paid.notificationId);
      expect(attempts.map((entry) => [entry.attempt, entry.status])).toEqual([
        [1, 500],
        [2, 404],
        [3, 200],
      ]);
      expect(new Set(receiver.received.map((notice) => notice.body)).size).toBe(1);
    } finally {
      await receiver.stop();
    }
  });

  it('gives up after the first delivery and the 15 retries of the schedule', async () => {
    const receiver = await startReceiver(Array.from({ length: 40 }, () => 503));
    try {
      const { outTradeNo } = await placeOrder(receiver.url);
      const paid = sandbox.control.pay(outTradeNo);
      expect(RETRY_SCHEDULE_SECONDS.reduce((sum, seconds) => sum + seconds, 0)).toBe(24 * 3600 + 4 * 60);
      expect(await sandbox.control.settled(paid.notificationId)).toEqual({ delivered: false, attempts: 16 });
      expect(receiver.received).toHaveLength(16);
    } finally {
      await receiver.stop();
    }
  });

  it('sends duplicates, stale-timestamp replays and bad-signature probes on request', async () => {
    const receiver = await startReceiver();
    try {
      const { outTradeNo } = await placeOrder(receiver.url);
      const paid = sandbox.control.pay(outTradeNo);
      await sandbox.control.settled(paid.notificationId);
      const duplicate = await sandbox.control.duplicate(paid.notificationId);
      const replay = await sandbox.control.replay(paid.notificationId, 900);
      const probe = await sandbox.control.probe(paid.notificationId);
      const publicKey = keys.wechatpayPublicKey.publicKeyPem;
      expect([duplicate.kind, deliverySignatureValid(duplicate, publicKey)]).toEqual(['duplicate', true]);
      expect([replay.kind, deliverySignatureValid(replay, publicKey)]).toEqual(['replay', true]);
      expect(Date.now() / 1000 - Number(replay.headers['Wechatpay-Timestamp'])).toBeGreaterThan(899);
      expect([probe.kind, deliverySignatureValid(probe, publicKey)]).toEqual(['probe', false]);
      expect(probe.headers['Wechatpay-Signature']).toMatch(/^WECHATPAY\/SIGNTEST\//);
      expect(receiver.received.map((notice) => JSON.parse(notice.body).id)).toEqual(Array(4).fill(paid.notificationId));
    } finally {
      await receiver.stop();
    }
  });

  it('signs with the platform certificate in platform-certificate mode', async () => {
    const receiver = await startReceiver();
    try {
      sandbox.control.setKeyMode('platformCertificate');
      const { outTradeNo } = await placeOrder(receiver.url);
      const paid = sandbox.control.pay(outTradeNo);
      await sandbox.control.settled(paid.notificationId);
      const [delivery] = sandbox.control.deliveries().filter((entry) => entry.notificationId === paid.notificationId);
      expect(delivery?.headers['Wechatpay-Serial']).toBe(keys.platform.serial);
      expect(delivery && deliverySignatureValid(delivery, keys.platform.certificatePem)).toBe(true);
      expect(delivery && deliverySignatureValid(delivery, keys.wechatpayPublicKey.publicKeyPem)).toBe(false);
    } finally {
      sandbox.control.setKeyMode('publicKey');
      await receiver.stop();
    }
  });
});

describe('wx.requestPayment stand-in', () => {
  const paySign = (message: string, privateKeyPem: string): string => createSign('RSA-SHA256').update(message).sign(privateKeyPem, 'base64');

  it('pays when paySign verifies with the merchant key for the order appid, and refuses otherwise', async () => {
    const receiver = await startReceiver();
    try {
      const { outTradeNo, prepayId } = await placeOrder(receiver.url);
      const params = { appId: keys.appid, timeStamp: String(Math.floor(Date.now() / 1000)), nonceStr: 'n0nce', package: `prepay_id=${prepayId}`, signType: 'RSA' };
      const message = `${params.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`;
      const forged = { ...params, paySign: paySign(message, keys.platform.privateKeyPem) };
      const post = (body: unknown) => fetch(`${sandbox.url}/__sandbox/pay/request-payment`, { method: 'POST', body: JSON.stringify(body) });
      const refused = await post(forged);
      expect([refused.status, ((await refused.json()) as { code: string }).code]).toEqual([400, 'SIGN_ERROR']);
      expect(sandbox.control.order(outTradeNo)?.trade_state).toBe('NOTPAY');
      const accepted = await post({ ...params, paySign: paySign(message, keys.merchant.privateKeyPem) });
      expect(accepted.status).toBe(200);
      expect(sandbox.control.order(outTradeNo)?.trade_state).toBe('SUCCESS');
    } finally {
      await receiver.stop();
    }
  });
});

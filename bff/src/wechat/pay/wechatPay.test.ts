import { createVerify, generateKeyPairSync, randomBytes } from 'node:crypto';
import { AppError } from '../../errors/AppError';
import { testConfig } from '../../test/app';
import { usePaySandbox } from '../../test/paySandbox';
import type { WechatPay } from '../types';
import { createWechatPay } from './wechatPay';

const harness = usePaySandbox();
let pay: WechatPay;
const openid = 'o_member_pay_test';

beforeAll(() => {
  pay = createWechatPay(testConfig(harness().config));
});
afterEach(() => harness().pay.setKeyMode('publicKey'));

const outTradeNo = (): string => `CK${randomBytes(8).toString('hex')}`;
const prepay = (no: string, amountFen = 6600) => pay.prepayJsapi({ outTradeNo: no, description: '生日蛋糕兑换券', amountFen, payerOpenid: openid });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('prepay and wx.requestPayment', () => {
  it('returns requestPayment params whose paySign verifies with the merchant certificate over appId, timeStamp, nonceStr, package', async () => {
    const no = outTradeNo();
    const { prepayId, payment } = await prepay(no);
    expect(prepayId).toMatch(/^wx\d+$/);
    expect(payment).toMatchObject({ package: `prepay_id=${prepayId}`, signType: 'RSA' });
    expect(payment.timeStamp).toMatch(/^\d{10}$/);
    expect(payment.nonceStr.length).toBeGreaterThan(0);
    expect(payment.nonceStr.length).toBeLessThanOrEqual(32);
    const message = `${harness().keys.appid}\n${payment.timeStamp}\n${payment.nonceStr}\n${payment.package}\n`;
    expect(createVerify('RSA-SHA256').update(message).verify(harness().keys.merchant.certificatePem, payment.paySign, 'base64')).toBe(true);

    // The sandbox checks paySign the way WeChat does before taking the payer's money.
    harness().pay.requestPayment({ appId: harness().keys.appid, ...payment });
    expect(await pay.queryByOutTradeNo(no)).toMatchObject({ tradeState: 'SUCCESS', amountTotalFen: 6600, payerOpenid: openid });
  });

  it('gets the same prepay_id for the same order again and PAY_OUT_TRADE_NO_USED for different content', async () => {
    const no = outTradeNo();
    const first = await prepay(no);
    expect((await prepay(no)).prepayId).toBe(first.prepayId);
    const error = await rejection(prepay(no, 1));
    expect([error.status, error.code, error.retryable]).toEqual([409, 'PAY_OUT_TRADE_NO_USED', false]);
  });

  it('sends attach and time_expire, after which WeChat Pay closes the unpaid order', async () => {
    const open = outTradeNo();
    await pay.prepayJsapi({ outTradeNo: open, description: 'x', amountFen: 100, payerOpenid: openid, attach: 'order:1', expiresAt: new Date(Date.now() + 3_600_000) });
    expect(harness().pay.order(open)).toMatchObject({ attach: 'order:1', trade_state: 'NOTPAY' });
    const lapsed = outTradeNo();
    await pay.prepayJsapi({ outTradeNo: lapsed, description: 'x', amountFen: 100, payerOpenid: openid, expiresAt: new Date(Date.now() - 60_000) });
    expect((await pay.queryByOutTradeNo(lapsed))?.tradeState).toBe('CLOSED');
  });
});

describe('query and close', () => {
  it('reads NOTPAY, then SUCCESS with the transaction id; null for an unknown order', async () => {
    const no = outTradeNo();
    await prepay(no);
    expect(await pay.queryByOutTradeNo(no)).toMatchObject({ outTradeNo: no, tradeState: 'NOTPAY', transactionId: undefined, amountTotalFen: 6600 });
    const paid = harness().pay.pay(no);
    const transaction = await pay.queryByOutTradeNo(no);
    expect(transaction).toMatchObject({ tradeState: 'SUCCESS', transactionId: paid.transaction.transaction_id, mchid: harness().keys.mchid });
    expect(await pay.queryByOutTradeNo('CK_NEVER_PLACED')).toBeNull();
  });

  it('closes an unpaid order and refuses to close a paid one with PAY_ORDER_PAID', async () => {
    const unpaid = outTradeNo();
    await prepay(unpaid);
    await pay.closeOrder(unpaid);
    expect((await pay.queryByOutTradeNo(unpaid))?.tradeState).toBe('CLOSED');
    await pay.closeOrder(unpaid);

    const paid = outTradeNo();
    await prepay(paid);
    harness().pay.pay(paid);
    const error = await rejection(pay.closeOrder(paid));
    expect([error.status, error.code]).toEqual([409, 'PAY_ORDER_PAID']);
  });
});

describe('refunds', () => {
  it('is idempotent on out_refund_no and reports the outcome by query', async () => {
    const no = outTradeNo();
    await prepay(no);
    harness().pay.pay(no);
    const request = { outTradeNo: no, outRefundNo: `RF${no}`, refundFen: 2000, totalFen: 6600, reason: '会员申请退款' };
    const first = await pay.refund(request);
    expect(first).toMatchObject({ status: 'PROCESSING', refundFen: 2000, outRefundNo: `RF${no}` });
    expect((await pay.refund(request)).refundId).toBe(first.refundId);
    harness().pay.settleRefund(`RF${no}`, 'SUCCESS');
    expect(await pay.queryRefund(`RF${no}`)).toMatchObject({ status: 'SUCCESS', refundId: first.refundId });
    expect(await pay.queryRefund('RF_NEVER_ASKED')).toBeNull();
    const tooMuch = await rejection(pay.refund({ ...request, outRefundNo: `RG${no}`, refundFen: 4601 }));
    expect([tooMuch.status, tooMuch.code]).toEqual([409, 'PAY_REFUND_REJECTED']);
  });
});

describe('failures', () => {
  it('classifies SYSTEM_ERROR as retryable PAY_UNAVAILABLE', async () => {
    harness().pay.failNext('query', { status: 500, code: 'SYSTEM_ERROR' });
    const error = await rejection(pay.queryByOutTradeNo('CK_ANY_ORDER'));
    expect([error.status, error.code, error.retryable]).toEqual([503, 'PAY_UNAVAILABLE', true]);
  });

  it('gets 401 SIGN_ERROR from WeChat Pay when signing with the wrong merchant key', async () => {
    const wrongKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const impostor = createWechatPay(testConfig({ ...harness().config, WECHATPAY_PRIVATE_KEY: wrongKey }));
    const error = await rejection(impostor.prepayJsapi({ outTradeNo: outTradeNo(), description: 'x', amountFen: 1, payerOpenid: openid }));
    expect(error).toMatchObject({ status: 500, code: 'PAY_REQUEST_REJECTED', wechatCode: 'SIGN_ERROR', wechatStatus: 401 });
  });

  it('refuses answers whose signature does not verify with the configured WeChat Pay public key', async () => {
    const otherPublicKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const misled = createWechatPay(testConfig({ ...harness().config, WECHATPAY_PUBLIC_KEY: otherPublicKey }));
    const error = await rejection(misled.queryByOutTradeNo('CK_ANY_ORDER'));
    expect([error.status, error.code]).toEqual([502, 'PAY_RESPONSE_INVALID']);
  });

  it('downloads the platform certificate when answers are signed in platform-certificate mode', async () => {
    harness().pay.setKeyMode('platformCertificate');
    const fresh = createWechatPay(testConfig(harness().config));
    const no = outTradeNo();
    await fresh.prepayJsapi({ outTradeNo: no, description: 'x', amountFen: 1, payerOpenid: openid });
    expect((await fresh.queryByOutTradeNo(no))?.tradeState).toBe('NOTPAY');
  });

  it('reports missing merchant keys as an internal error on use, not at start-up', async () => {
    const unconfigured = createWechatPay(testConfig());
    const error = await rejection(unconfigured.queryByOutTradeNo('CK_ANY_ORDER'));
    expect([error.status, error.code]).toEqual([500, 'INTERNAL']);
  });
});

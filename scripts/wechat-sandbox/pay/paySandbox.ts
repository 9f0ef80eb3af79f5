import type { SandboxHandler } from '../handler';
import { generatePayKeys, type PayKeyMaterial } from './keys';
import { PayApiError, PayLedger, presentRefundNotice, presentTransaction, type Order, type Refund, type RefundState } from './ledger';
import { Notifier, type DeliveryAttempt, type DeliveryOutcome, type Signer } from './notifier';
import { createPayApiHandler, type PayFault, type PayOperation } from './routes';
import { responseMessage, verifySha256Rsa } from './signing';
import { createPayControlHandler } from './controlHandler';

export type PayKeyMode = 'publicKey' | 'platformCertificate';

export interface PaySandboxOptions {
  /** Key material to use; generated when absent (tests), or the dev set from loadOrCreateDevPayKeys. */
  keys?: PayKeyMaterial;
  /** Which key signs answers and notifications: the WeChat Pay public key (default) or the platform certificate. */
  keyMode?: PayKeyMode;
  /** Multiplies the notification retry schedule (1 = WeChat's real 15 s ... 6 h; 0.001 for tests). */
  timeScale?: number;
  now?: () => Date;
  /** How long a notify_url receiver may take before the attempt counts as failed (WeChat: 5 s). */
  receiverTimeoutMs?: number;
  /** prepay_id lifetime; the same request after it gets a new prepay_id (about 2 hours at WeChat). */
  prepayLifetimeMs?: number;
}

/** What a wx.requestPayment call hands to WeChat; the sandbox checks paySign as WeChat does. */
export interface RequestPaymentInput {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: string;
  paySign: string;
}

export interface PaidOrder {
  transaction: Record<string, unknown>;
  notificationId: string;
}

export interface PaySandboxControl {
  readonly keys: PayKeyMaterial;
  keyMode(): PayKeyMode;
  setKeyMode(mode: PayKeyMode): void;
  /** The payer completes payment (order by out_trade_no or prepay_id): SUCCESS, then TRANSACTION.SUCCESS is delivered. */
  pay(orderRef: string): PaidOrder;
  /** wx.requestPayment as the mini-program calls it: the paySign must verify with the merchant key for the order's appid. */
  requestPayment(params: RequestPaymentInput): PaidOrder;
  order(outTradeNo: string): Record<string, unknown> | undefined;
  refund(outRefundNo: string): Record<string, unknown> | undefined;
  /** PROCESSING -> SUCCESS / ABNORMAL / CLOSED, then REFUND.<status> is delivered to the refund's notify_url. */
  settleRefund(outRefundNo: string, status: Exclude<RefundState, 'PROCESSING'>): { refund: Record<string, unknown>; notificationId?: string };
  /** The next `times` calls of `operation` answer with this WeChat Pay error. */
  failNext(operation: PayOperation, fault: { status: number; code: string; message?: string }, times?: number): void;
  settled(notificationId: string): Promise<DeliveryOutcome>;
  lastNotificationId(): string | undefined;
  duplicate(notificationId?: string): Promise<DeliveryAttempt>;
  replay(notificationId?: string, ageSeconds?: number): Promise<DeliveryAttempt>;
  probe(notificationId?: string): Promise<DeliveryAttempt>;
  deliveries(): DeliveryAttempt[];
  /** Forgets orders, refunds, faults, notifications and the delivery log; keys and key mode stay. */
  reset(): void;
}

export interface PaySandbox {
  /** `/v3/...`, the api.mch.weixin.qq.com paths. */
  handler: SandboxHandler;
  /** `/__sandbox/pay/...`, the control API over HTTP. */
  controlHandler: SandboxHandler;
  control: PaySandboxControl;
  close(): Promise<void>;
}

const REFUND_SUMMARY: Record<Exclude<RefundState, 'PROCESSING'>, string> = { SUCCESS: '退款成功', ABNORMAL: '退款异常', CLOSED: '退款关闭' };

export function createPaySandbox(options: PaySandboxOptions = {}): PaySandbox {
  const keys = options.keys ?? generatePayKeys();
  const now = options.now ?? (() => new Date());
  let mode: PayKeyMode = options.keyMode ?? 'publicKey';
  const signer = (): Signer =>
    mode === 'publicKey'
      ? { serial: keys.wechatpayPublicKey.id, privateKeyPem: keys.wechatpayPublicKey.privateKeyPem }
      : { serial: keys.platform.serial, privateKeyPem: keys.platform.privateKeyPem };
  const ledger = new PayLedger(now, options.prepayLifetimeMs ?? 2 * 3_600_000);
  const notifier = new Notifier({ apiV3Key: keys.apiV3Key, signer, now, timeScale: options.timeScale ?? 1, receiverTimeoutMs: options.receiverTimeoutMs ?? 5000 });
  const faults = new Map<PayOperation, PayFault>();
  const handler = createPayApiHandler({ keys, ledger, signer, now, faults });

  const notifyPaid = (order: Order): PaidOrder => {
    const paid = ledger.pay(order);
    const transaction = presentTransaction(paid);
    const notificationId = notifier.notify({ url: paid.notifyUrl, eventType: 'TRANSACTION.SUCCESS', summary: '支付成功', originalType: 'transaction', resource: transaction });
    return { transaction, notificationId };
  };
  const last = (notificationId?: string): string => {
    const id = notificationId ?? notifier.lastNotificationId();
    if (!id) throw new PayApiError(404, 'NOT_FOUND', '还没有任何通知');
    return id;
  };

  const control: PaySandboxControl = {
    keys,
    keyMode: () => mode,
    setKeyMode: (next) => {
      mode = next;
    },
    pay: (orderRef) => {
      const order = ledger.orderByPrepayId(orderRef) ?? ledger.order(orderRef);
      if (!order) throw new PayApiError(404, 'ORDER_NOT_EXIST', '订单不存在');
      return notifyPaid(order);
    },
    requestPayment: (params) => {
      const prepayId = params.package.startsWith('prepay_id=') ? params.package.slice('prepay_id='.length) : '';
      const order = ledger.orderByPrepayId(prepayId);
      if (!order) throw new PayApiError(400, 'PARAM_ERROR', 'package无效：prepay_id不存在');
      const message = `${params.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`;
      if (params.signType !== 'RSA' || params.appId !== order.appid || !verifySha256Rsa(message, params.paySign, keys.merchant.certificatePem)) {
        throw new PayApiError(400, 'SIGN_ERROR', '支付验证签名失败');
      }
      return notifyPaid(order);
    },
    order: (outTradeNo) => {
      const order = ledger.order(outTradeNo);
      return order && presentTransaction(order);
    },
    refund: (outRefundNo) => {
      const refund = ledger.refunds.get(outRefundNo);
      return refund && presentRefundNotice(refund, keys.mchid);
    },
    settleRefund: (outRefundNo, status) => {
      const refund: Refund = ledger.settleRefund(outRefundNo, status);
      const resource = presentRefundNotice(refund, keys.mchid);
      const notificationId = refund.notifyUrl
        ? notifier.notify({ url: refund.notifyUrl, eventType: `REFUND.${status}`, summary: REFUND_SUMMARY[status], originalType: 'refund', resource })
        : undefined;
      return { refund: resource, notificationId };
    },
    failNext: (operation, fault, times = 1) => {
      faults.set(operation, { status: fault.status, code: fault.code, message: fault.message ?? fault.code, remaining: times });
    },
    settled: (notificationId) => notifier.settled(notificationId),
    lastNotificationId: () => notifier.lastNotificationId(),
    duplicate: (notificationId) => notifier.duplicate(last(notificationId)),
    replay: (notificationId, ageSeconds = 600) => notifier.replay(last(notificationId), ageSeconds),
    probe: (notificationId) => notifier.probe(last(notificationId)),
    deliveries: () => [...notifier.log],
    reset: () => {
      ledger.orders.clear();
      ledger.refunds.clear();
      faults.clear();
      notifier.reset();
    },
  };

  return {
    handler,
    controlHandler: createPayControlHandler(control),
    control,
    close: async () => notifier.close(),
  };
}

/** Whether a logged delivery's signature verifies with `publicKey` (for tests that inspect deliveries). */
export function deliverySignatureValid(delivery: DeliveryAttempt, publicKey: string): boolean {
  const { 'Wechatpay-Timestamp': timestamp = '', 'Wechatpay-Nonce': nonce = '', 'Wechatpay-Signature': signature = '' } = delivery.headers;
  return verifySha256Rsa(responseMessage(timestamp, nonce, delivery.body), signature, publicKey);
}

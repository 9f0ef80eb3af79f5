/**
 * What the BFF needs from WeChat, one interface per capability. The adapters in this folder
 * implement them over HTTP against WECHAT_API_BASE / WECHATPAY_API_BASE (WeChat, or the sandbox).
 * WeChat failures surface as AppErrors with stable codes (see wechatError.ts).
 */
export interface WechatSession {
  openid: string;
  unionid?: string;
}

export interface WechatLogin {
  /** jscode2session; the session_key is dropped inside the adapter and never returned. */
  code2Session(code: string): Promise<WechatSession>;
}

export interface WechatPhoneNumber {
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

export interface WechatPhone {
  getPhoneNumber(code: string, openid?: string): Promise<WechatPhoneNumber>;
}

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, string>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
}

export interface WechatMessages {
  /**
   * `msgId` is WeChat's msgid for the send (exact, as text; null if WeChat gave none): the subscribe_msg_sent_event
   * receipt pushed later carries it as MsgID.
   */
  sendSubscribeMessage(message: SubscribeMessage): Promise<{ msgId: string | null }>;
}

export type ContentScene = 1 | 2 | 3 | 4;

export interface ContentVerdict {
  suggest: 'pass' | 'review' | 'risky';
  label: number;
  traceId?: string;
}

export interface MediaCheckRequest {
  /** Must have visited the mini-program within 2 hours (else 403 WECHAT_VISIT_EXPIRED). */
  openid: string;
  scene: ContentScene;
  /** Publicly downloadable (WeChat fetches it): jpg, png, bmp, gif; or audio. At most 10 MB. */
  mediaUrl: string;
  mediaType: 'image' | 'audio';
}

export interface WechatSecurity {
  checkText(input: { openid: string; scene: ContentScene; content: string; title?: string; nickname?: string }): Promise<ContentVerdict>;
  /**
   * mediaCheckAsync (v2): WeChat accepts the check and answers its trace_id; the verdict comes later as a
   * `wxa_media_check` push with that trace_id (WeChat does not echo the URL), within 30 minutes.
   */
  mediaCheckAsync(input: MediaCheckRequest): Promise<{ traceId: string }>;
}

export interface WechatCodeRequest {
  scene: string;
  page?: string;
  checkPath?: boolean;
  envVersion?: 'release' | 'trial' | 'develop';
  width?: number;
}

export interface WechatCode {
  /** A PNG mini-program code (getwxacodeunlimit). */
  getUnlimitedCode(request: WechatCodeRequest): Promise<Buffer>;
}

export interface WechatRisk {
  /** 0 (safe) .. 4 (riskiest). scene 0 = registration, 1 = marketing cheating. */
  getUserRiskRank(input: { openid: string; scene: 0 | 1; clientIp: string }): Promise<number>;
}

/** WeChat Pay API v3 (JSAPI, direct merchant). Amounts are integer fen. */
export interface JsapiPrepayRequest {
  outTradeNo: string;
  description: string;
  amountFen: number;
  payerOpenid: string;
  /** When WeChat stops accepting payment for this order. */
  expiresAt?: Date;
  attach?: string;
}

/** What wx.requestPayment needs, signed by the BFF with the merchant key. */
export interface RequestPaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';

export interface PayTransaction {
  appid: string;
  mchid: string;
  outTradeNo: string;
  transactionId?: string;
  tradeState: TradeState;
  amountTotalFen: number;
  payerOpenid?: string;
  successTime?: string;
}

export type RefundStatus = 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';

export interface RefundRequest {
  outTradeNo: string;
  outRefundNo: string;
  refundFen: number;
  totalFen: number;
  reason?: string;
}

export interface PayRefund {
  outTradeNo: string;
  outRefundNo: string;
  refundId: string;
  status: RefundStatus;
  refundFen: number;
}

export type PayNotification =
  | { id: string; kind: 'transaction'; transaction: PayTransaction }
  | { id: string; kind: 'refund'; refund: PayRefund };

export interface WechatPay {
  prepayJsapi(request: JsapiPrepayRequest): Promise<{ prepayId: string; payment: RequestPaymentParams }>;
  /** null when WeChat does not know the order (ORDER_NOT_EXIST). */
  queryByOutTradeNo(outTradeNo: string): Promise<PayTransaction | null>;
  closeOrder(outTradeNo: string): Promise<void>;
  refund(request: RefundRequest): Promise<PayRefund>;
  queryRefund(outRefundNo: string): Promise<PayRefund | null>;
  /** Verifies the Wechatpay-* signature over the raw body (and the timestamp window), then decrypts the resource. */
  parseNotification(headers: Record<string, string | string[] | undefined>, rawBody: string): Promise<PayNotification>;
}

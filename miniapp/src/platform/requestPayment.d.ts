import { type PaymentRequest } from '@cakeday/shared';

/**
 * Platform files: requestPayment.weapp.ts (WeChat's pay sheet) and requestPayment.h5.ts (the WeChat sandbox,
 * development builds only). Resolves 'paid' when the member paid, 'cancelled' when they closed the sheet;
 * rejects with an ApiError otherwise.
 */
export type PaymentOutcome = 'paid' | 'cancelled';

/** The signed JSAPI parameters, as both mall.redeem and wishlist.gift return them. */
export type WxPayParams = Pick<PaymentRequest, 'timeStamp' | 'nonceStr' | 'package' | 'signType' | 'paySign'>;

export declare function requestPayment(payment: WxPayParams): Promise<PaymentOutcome>;

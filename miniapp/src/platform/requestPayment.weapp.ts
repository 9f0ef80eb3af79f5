import Taro from '@tarojs/taro';
import { ApiError } from '../api/apiError';
import { type PaymentOutcome, type WxPayParams } from './requestPayment';

/** WeChat's pay sheet with the parameters the BFF signed (JSAPI prepay). */
export async function requestPayment(payment: WxPayParams): Promise<PaymentOutcome> {
  try {
    await Taro.requestPayment({
      timeStamp: payment.timeStamp,
      nonceStr: payment.nonceStr,
      package: payment.package,
      signType: payment.signType,
      paySign: payment.paySign,
    });
    return 'paid';
  } catch (error) {
    const message = typeof error === 'object' && error !== null && 'errMsg' in error ? String((error as { errMsg: unknown }).errMsg) : '';
    if (/cancel/i.test(message)) return 'cancelled';
    throw new ApiError('PAYMENT_FAILED', 0);
  }
}

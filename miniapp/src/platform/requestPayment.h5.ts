import { ApiError } from '../api/apiError';
import { paySandboxPrepay } from '../sandbox/sandboxControl';
import { type PaymentOutcome, type WxPayParams } from './requestPayment';

/** `package` is `prepay_id=<id>`: the sandbox knows the order by its prepay id, as WeChat's pay sheet does. */
function prepayIdOf(pkg: string): string {
  return pkg.startsWith('prepay_id=') ? pkg.slice('prepay_id='.length) : pkg;
}

/** Outside WeChat there is no pay sheet: a development build pays through the sandbox; production cannot pay. */
export async function requestPayment(payment: WxPayParams): Promise<PaymentOutcome> {
  if (!process.env.TARO_APP_SANDBOX_URL) {
    throw new ApiError('PAYMENT_FAILED', 0);
  }
  await paySandboxPrepay(prepayIdOf(payment.package));
  return 'paid';
}

import { taroStandIn } from '../../test/taroStandIn';
import { ApiError } from '../api/apiError';
import { requestPayment } from './requestPayment.weapp';

const signed = { timeStamp: '1767225600', nonceStr: 'n0nce', package: 'prepay_id=wx2026', signType: 'RSA' as const, paySign: 'c2lnbmF0dXJl' };

describe('requestPayment (weapp: WeChat pay sheet)', () => {
  beforeEach(() => taroStandIn.reset());

  it('opens the sheet with exactly the five signed parameters and answers paid', async () => {
    await expect(requestPayment({ ...signed, appId: 'wx-not-passed' } as typeof signed)).resolves.toBe('paid');
    expect(taroStandIn.payments).toEqual([signed]);
  });

  it('answers cancelled when the member closes the sheet', async () => {
    taroStandIn.pay = async () => Promise.reject({ errMsg: 'requestPayment:fail cancel' });
    await expect(requestPayment(signed)).resolves.toBe('cancelled');
  });

  it('rejects with PAYMENT_FAILED on any other failure, whatever its shape', async () => {
    for (const failure of [{ errMsg: 'requestPayment:fail (detail message)' }, new Error('boom'), 'weird']) {
      taroStandIn.pay = async () => Promise.reject(failure);
      const error: unknown = await requestPayment(signed).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe('PAYMENT_FAILED');
    }
  });
});

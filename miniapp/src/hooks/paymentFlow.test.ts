import { taroStandIn } from '../../test/taroStandIn';
import { buildOrder } from '../../test/fixtures';
import { answerRoutes, callsTo, ok } from '../../test/routes';
import { setSessionProvider } from '../api/client';
import { waitForPayment } from './paymentFlow';

const noWait = { sleep: async () => undefined };

describe('waitForPayment', () => {
  beforeEach(() => {
    taroStandIn.reset();
    setSessionProvider({ token: () => 'token', renew: async () => null });
  });

  it('asks WeChat Pay through the BFF, then reads the order until it leaves the paying states', async () => {
    answerRoutes({
      'orders.confirmPayment': ok({ order: buildOrder({ status: 'awaiting_payment' }) }),
      'orders.get': [ok({ order: buildOrder({ status: 'paid' }) }), ok({ order: buildOrder({ status: 'fulfilled' }) })],
    });

    const order = await waitForPayment('b00000000000000000000001', noWait);

    expect(order.status).toBe('fulfilled');
    expect(callsTo('orders.get')).toHaveLength(2);
  });

  it('gives up after the attempts and returns the order as it stands', async () => {
    answerRoutes({
      'orders.confirmPayment': ok({ order: buildOrder({ status: 'awaiting_payment' }) }),
      'orders.get': ok({ order: buildOrder({ status: 'awaiting_payment' }) }),
    });

    const order = await waitForPayment('b00000000000000000000001', { ...noWait, attempts: 3 });

    expect(order.status).toBe('awaiting_payment');
    expect(callsTo('orders.get')).toHaveLength(3);
  });
});

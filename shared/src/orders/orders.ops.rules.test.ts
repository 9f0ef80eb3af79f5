import { opsRefundBlocker, orderFlagLabel, type RefundableOrder } from './orders.ops.rules.js';

const fulfilled: RefundableOrder = { status: 'fulfilled', kind: 'service', pickupUsed: false };

describe('opsRefundBlocker: what ops may refund', () => {
  it.each<[string, Partial<RefundableOrder>, ReturnType<typeof opsRefundBlocker>]>([
    ['a fulfilled order nothing of which was used', {}, null],
    ['a charity donation (members cannot undo it)', { kind: 'charity' }, null],
    ['a pickup written off at a store', { pickupUsed: true }, 'used'],
    ['a refund under way (pushed on again)', { status: 'refunding' }, null],
    ['an order already refunded', { status: 'refunded' }, 'already_refunded'],
    ['an order awaiting payment', { status: 'awaiting_payment' }, 'not_fulfilled'],
    ['a paid order the sweeper has yet to fulfil', { status: 'paid' }, 'not_fulfilled'],
    ['a cancelled order', { status: 'cancelled' }, 'not_fulfilled'],
  ])('%s', (_name, change, blocker) => {
    expect(opsRefundBlocker({ ...fulfilled, ...change })).toBe(blocker);
  });

  it('names known flags in Chinese and shows an unknown one as it is', () => {
    expect(orderFlagLabel('refund_abnormal')).toBe('退款异常（如银行卡已注销）');
    expect(orderFlagLabel('something_new')).toBe('something_new');
  });
});

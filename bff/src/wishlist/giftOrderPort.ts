import type { WishlistGiftResponse } from '@cakeday/shared';
import type { AppDeps } from '../http/deps';
import { orderContextFrom } from '../orders/orderContextFrom';
import { placeOrder } from '../orders/placeOrder';
import { presentOrder } from '../orders/presentOrder';
import { presentPayment } from '../orders/presentPayment';

export interface GiftOrderRequest {
  buyerMemberId: string;
  itemId: string;
  idempotencyKey: string;
  recipientMemberId: string;
  /** The wish id: the wish shows as fulfilled when this order is fulfilled. */
  giftRef: string;
}

/** The mall's order machinery: the giver pays through WeChat Pay, fulfilment goes to the birthday member. */
export async function placeGiftOrder(request: GiftOrderRequest, deps: AppDeps): Promise<WishlistGiftResponse> {
  const context = await orderContextFrom(deps);
  const order = await placeOrder({ ...request, qty: 1 }, context);
  return {
    orderId: order._id.toHexString(),
    amountFen: order.cashTotalFen,
    order: presentOrder(order, request.buyerMemberId, context.now),
    payment: presentPayment(order),
  };
}

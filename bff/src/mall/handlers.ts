import type { RouteHandlers } from '../http/routeHandler';
import { requireMember } from '../members/requireMember';
import { orderContextFrom } from '../orders/orderContextFrom';
import { placeOrder } from '../orders/placeOrder';
import { presentOrder } from '../orders/presentOrder';
import { presentPayment } from '../orders/presentPayment';
import { settingsAt } from '../settings/settingsSource';
import { describeMallItem, listMall } from './browseMall';
import { checkoutCoupons } from './checkoutCoupons';

type MallRoutes = 'mall.list' | 'mall.item' | 'mall.redeem' | 'mall.checkoutCoupons';

export const mallHandlers: Pick<RouteHandlers, MallRoutes> = {
  'mall.list': async (input, { deps, principal }) => listMall(input, principal?.memberId, deps.now()),
  'mall.item': async (input, { deps, principal }) => describeMallItem(input.itemId, principal?.memberId, deps.now()),
  'mall.redeem': async (input, { deps, principal }) => {
    const { memberId } = requireMember(principal);
    const context = await orderContextFrom(deps);
    const order = await placeOrder({ buyerMemberId: memberId, itemId: input.itemId, qty: input.qty, idempotencyKey: input.idempotencyKey, couponId: input.couponId, storeId: input.storeId }, context);
    return { order: presentOrder(order, memberId, context.now), payment: presentPayment(order) };
  },
  'mall.checkoutCoupons': async (input, { deps, principal }) => {
    const { memberId } = requireMember(principal);
    return checkoutCoupons(memberId, input, await settingsAt(deps));
  },
};

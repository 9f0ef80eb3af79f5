import { defineRoutes } from '../api/route.js';
import { mallCheckoutCouponsRequest, mallCheckoutCouponsResponse, mallItemRequest, mallItemResponse, mallListRequest, mallListResponse, mallRedeemRequest, mallRedeemResponse } from './mall.schema.js';

export const mallRoutes = defineRoutes({
  'mall.list': {
    auth: 'public',
    summary: '积分商城商品列表（可按类型筛选；带会话时返回积分余额与等级是否可兑）',
    request: mallListRequest,
    response: mallListResponse,
  },
  'mall.item': {
    auth: 'public',
    summary: '商品详情：图片、规则、限兑、我还可兑换的数量',
    request: mallItemRequest,
    response: mallItemResponse,
  },
  'mall.redeem': {
    auth: 'member',
    summary: '兑换商品（积分，或积分 + 微信支付）；同一 idempotencyKey 只下一单',
    request: mallRedeemRequest,
    response: mallRedeemResponse,
  },
  'mall.checkoutCoupons': {
    auth: 'member',
    summary: '下单可用的优惠券：每张券可抵扣的金额，或不能使用的原因',
    request: mallCheckoutCouponsRequest,
    response: mallCheckoutCouponsResponse,
  },
});

import { defineRoutes } from '../api/route.js';
import { posIdentifyRequest, posIdentifyResponse, posPurchaseRequest, posPurchaseResponse, posRefundRequest, posRefundResponse } from './pos.schema.js';

/** The integration API: signed by a till's or an online channel's key (see the README's integration guide). */
export const posRoutes = defineRoutes({
  'pos.identify': {
    auth: 'integration',
    summary: '收银识别会员码：返回会员等级、积分余额（姓名打码）与会员附带的优惠券',
    request: posIdentifyRequest,
    response: posIdentifyResponse,
  },
  'pos.purchase': {
    auth: 'integration',
    summary: '记录一笔消费（小票号为幂等键）：按等级与生日月规则发放积分，核销会员附带的优惠券，计入消费金额并即时升级',
    request: posPurchaseRequest,
    response: posPurchaseResponse,
  },
  'pos.refund': {
    auth: 'integration',
    summary: '退款（全部或部分，按小票号与退款单号，幂等）：按比例收回积分与消费金额，全额退款时恢复仍在有效期的优惠券',
    request: posRefundRequest,
    response: posRefundResponse,
  },
});

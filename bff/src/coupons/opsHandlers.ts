import type { RouteHandlers } from '../http/routeHandler';
import { auditOf } from '../operators/handlers';
import { createCouponTemplate } from './createCouponTemplate';
import { listCouponTemplates } from './listCouponTemplates';
import { presentCouponTemplateForOps } from './presentCouponTemplateForOps';
import { updateCouponTemplate } from './updateCouponTemplate';

type CouponTemplatesOpsRoutes = 'ops.couponTemplates.list' | 'ops.couponTemplates.create' | 'ops.couponTemplates.update';

export const couponTemplatesOpsHandlers: Pick<RouteHandlers, CouponTemplatesOpsRoutes> = {
  'ops.couponTemplates.list': async (input) => {
    const { items, total } = await listCouponTemplates(input);
    return { items: items.map(presentCouponTemplateForOps), total, page: input.page, pageSize: input.pageSize };
  },
  'ops.couponTemplates.create': async (input, context) => presentCouponTemplateForOps(await createCouponTemplate(input, auditOf(context))),
  'ops.couponTemplates.update': async (input, context) => {
    const settings = await context.deps.settings.at(context.deps.now());
    const programCodes = [settings.settings.help.giftTemplateCode, settings.settings.referral.welcomeTemplateCode];
    return presentCouponTemplateForOps(await updateCouponTemplate(input, auditOf(context), programCodes));
  },
};

import { AppError } from '../errors/AppError';
import { CouponTemplateModel } from './CouponTemplate.model';

/** What ops links to a template (a mall item, a birthday package) must be able to issue it: 422 otherwise. */
export async function assertActiveTemplate(code: string, path: string): Promise<void> {
  if (await CouponTemplateModel.exists({ code, active: true })) return;
  throw new AppError(422, 'OPS_COUPON_TEMPLATE_NOT_FOUND', { fields: [{ path, message: '券模板不存在或已停用' }] });
}

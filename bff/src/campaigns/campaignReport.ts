import { DELIVERY_STATES, type OpsCampaignsReportResponse } from '@cakeday/shared';
import { Types } from 'mongoose';
import { notFound } from '../errors/AppError';
import { CouponModel } from '../coupons/Coupon.model';
import { CampaignModel } from './Campaign.model';
import { campaignFollowUps } from './campaignFollowUps';
import { CampaignDeliveryModel } from './CampaignDelivery.model';

/** Counts of a campaign's deliveries by state, skip reason and WeChat errcode; the opens, what followed and the coupons granted. */
export async function campaignReport(id: string): Promise<OpsCampaignsReportResponse> {
  const campaignId = new Types.ObjectId(id);
  if (!(await CampaignModel.exists({ _id: campaignId }))) throw notFound();
  const groups = await CampaignDeliveryModel.aggregate<{ _id: { state: string; skipReason: string | null; errcode: number | null }; count: number }>([
    { $match: { campaignId } },
    { $group: { _id: { state: '$state', skipReason: '$skipReason', errcode: '$errcode' }, count: { $sum: 1 } } },
  ]);
  const byState = Object.fromEntries(DELIVERY_STATES.map((state) => [state, 0])) as OpsCampaignsReportResponse['byState'];
  const skippedByReason: Record<string, number> = {};
  const failedByErrcode: Record<string, number> = {};
  let total = 0;
  for (const { _id, count } of groups) {
    const state = _id.state as keyof typeof byState;
    byState[state] += count;
    total += count;
    if (state === 'skipped' && _id.skipReason) skippedByReason[_id.skipReason] = (skippedByReason[_id.skipReason] ?? 0) + count;
    if (state === 'failed' && _id.errcode !== null) failedByErrcode[String(_id.errcode)] = (failedByErrcode[String(_id.errcode)] ?? 0) + count;
  }
  const opened = await CampaignDeliveryModel.countDocuments({ campaignId, openedAt: { $ne: null } });
  return { byState, skippedByReason, failedByErrcode, opened, followUps: await campaignFollowUps(campaignId), benefits: await campaignCoupons(campaignId), total };
}

/** The coupons the campaign's variants granted (their source keys, old and new, start with the campaign's id), and of them the used. */
async function campaignCoupons(campaignId: Types.ObjectId): Promise<OpsCampaignsReportResponse['benefits']> {
  const ofCampaign = { source: 'campaign' as const, sourceKey: { $regex: `^${campaignId.toHexString()}:` } };
  const [granted, used] = await Promise.all([CouponModel.countDocuments(ofCampaign), CouponModel.countDocuments({ ...ofCampaign, status: 'used' })]);
  return { granted, used };
}

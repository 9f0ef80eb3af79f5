import { toBusinessIso, type MembersExportResponse, type TierThresholds } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { BirthdayClaimModel } from '../birthday/BirthdayClaim.model';
import { consentRecords } from '../consents/consentState';
import { CouponModel } from '../coupons/Coupon.model';
import { HelpAssistModel } from '../help/HelpAssist.model';
import { HelpCampaignModel } from '../help/HelpCampaign.model';
import type { Member } from '../members/Member.model';
import { presentMemberProfile } from '../members/presentMember';
import { MallOrderModel } from '../orders/MallOrder.model';
import { PointsAccountModel } from '../points/PointsAccount.model';
import { PointsEntryModel } from '../points/PointsEntry.model';
import { pointsSummary } from '../points/pointsSummary';
import { presentPointsEntry } from '../points/presentPointsEntry';
import { ReferralModel } from '../referral/Referral.model';
import { ReferralCodeModel } from '../referral/ReferralCode.model';
import { ShareLinkModel } from '../referral/ShareLink.model';
import { PaidSpendModel } from '../tiers/PaidSpend.model';
import { PosPurchaseModel } from '../pos/PosPurchase.model';
import { tierSummary } from '../tiers/tierSummary';
import { WishlistModel } from '../wishlist/Wishlist.model';
import { WriteoffRecordModel } from '../writeoff/WriteoffRecord.model';
import type { ExportSection } from './personalDataRegistry';
import { exportCommunity } from '../community/privacy/exportCommunity';

export interface ExportContext {
  member: Member;
  memberId: Types.ObjectId;
  now: Date;
  thresholds: TierThresholds;
  dataKey: string;
}

type Readers = { [K in ExportSection]: (context: ExportContext) => Promise<MembersExportResponse[K]> };
const iso = (at: Date | null | undefined): string | null => (at ? toBusinessIso(at) : null);

/** How members.export reads each section the personal-data registry names. */
export const exportSectionReaders: Readers = {
  profile: async ({ member, now, dataKey }) => ({ ...presentMemberProfile(member, now, dataKey), unionidLinked: Boolean(member.unionid), status: member.status }),
  tier: ({ member, now, thresholds }) => tierSummary(member, { now, thresholds }),
  points: async ({ memberId, now }) => {
    const [summary, account, entries] = await Promise.all([
      pointsSummary(memberId.toHexString(), now),
      PointsAccountModel.findById(memberId).lean(),
      PointsEntryModel.find({ memberId, state: 'applied' }).sort({ createdAt: -1, _id: -1 }).lean(),
    ]);
    return {
      ...summary,
      lots: (account?.lots ?? []).map((lot) => ({ earnedAt: toBusinessIso(lot.earnedAt), expiresAt: toBusinessIso(lot.expiresAt), amount: lot.amount, remaining: lot.remaining })),
      entries: entries.map(presentPointsEntry),
    };
  },
  paidSpend: async ({ memberId }) =>
    (await PaidSpendModel.find({ memberId }).sort({ paidAt: -1 }).lean()).map((row) => ({ amountFen: row.amountFen, paidAt: toBusinessIso(row.paidAt), reference: row.reference })),
  purchases: async ({ memberId }) =>
    (await PosPurchaseModel.find({ memberId, state: { $ne: 'refused' } }).sort({ purchasedAt: -1, _id: -1 }).lean()).map((purchase) => ({
      id: purchase._id.toHexString(),
      channel: purchase.channel,
      storeName: purchase.storeName,
      receiptNo: purchase.receiptNo,
      purchasedAt: toBusinessIso(purchase.purchasedAt),
      lines: purchase.lines.map((line) => ({ name: line.name, qty: line.qty, amountFen: line.amountFen })),
      totalFen: purchase.totalFen,
      discountFen: purchase.discountFen,
      paidFen: purchase.paidFen,
      pointsRedeemed: purchase.pointsRedeemed ?? 0,
      pointsEarned: purchase.pointsEarned,
      refundedFen: purchase.refundedFen,
      state: purchase.state,
    })),
  consents: async ({ memberId }) =>
    (await consentRecords(memberId.toHexString())).map((record) => ({ purpose: record.purpose, action: record.action, version: record.version, at: toBusinessIso(record.at) })),
  wishlist: async ({ memberId }) => {
    const wishlist = await WishlistModel.findById(memberId).lean();
    return {
      shared: wishlist?.shared ?? false,
      wishes: (wishlist?.wishes ?? []).map((wish) => ({
        id: wish._id.toHexString(),
        kind: wish.kind,
        itemId: wish.itemId?.toHexString() ?? null,
        text: wish.text,
        note: wish.note,
        inReview: [...(wish.textReview ? (['text'] as const) : []), ...(wish.noteReview ? (['note'] as const) : [])],
        createdAt: toBusinessIso(wish.createdAt),
      })),
    };
  },
  coupons: async ({ memberId }) =>
    (await CouponModel.find({ memberId }).sort({ createdAt: -1, _id: -1 }).lean()).map((coupon) => ({
      id: coupon._id.toHexString(),
      title: coupon.title,
      source: coupon.source,
      status: coupon.status,
      validFrom: toBusinessIso(coupon.validFrom),
      validUntil: toBusinessIso(coupon.validUntil),
      usedAt: iso(coupon.usedAt),
      usedStoreName: coupon.usedStoreName,
    })),
  orders: async ({ memberId }) =>
    (await MallOrderModel.find({ $or: [{ buyerMemberId: memberId }, { recipientMemberId: memberId }] }).sort({ _id: -1 }).lean()).map((order) => ({
      id: order._id.toHexString(),
      orderNo: order.orderNo,
      role: order.buyerMemberId.equals(memberId) ? ('buyer' as const) : ('recipient' as const),
      itemTitle: order.item.title,
      qty: order.qty,
      pointsTotal: order.pointsTotal,
      cashTotalFen: order.cashTotalFen,
      status: order.status,
      createdAt: toBusinessIso(order.createdAt),
      paidAt: iso(order.paidAt),
    })),
  writeoffs: async ({ memberId }) =>
    (await WriteoffRecordModel.find({ memberId }).sort({ at: -1 }).lean()).map((record) => ({ subjectKind: record.subjectKind, title: record.title, storeName: record.storeName, memberName: record.memberName, at: toBusinessIso(record.at) })),
  birthdayClaims: async ({ memberId }) =>
    (await BirthdayClaimModel.find({ memberId }).sort({ claimedAt: -1 }).lean()).map((claim) => ({ packageCode: claim.packageCode, celebrationYear: claim.celebrationYear, claimedAt: toBusinessIso(claim.claimedAt) })),
  help: async ({ memberId }) => {
    const [campaigns, assists] = await Promise.all([
      HelpCampaignModel.find({ memberId }).sort({ startedAt: -1 }).lean(),
      HelpAssistModel.find({ helperId: memberId }).sort({ at: -1 }).lean(),
    ]);
    return {
      campaigns: campaigns.map((campaign) => ({
        id: campaign._id.toHexString(),
        celebrationYear: campaign.celebrationYear,
        state: campaign.state,
        goal: campaign.goal,
        helpersCount: campaign.helpersCount,
        startedAt: toBusinessIso(campaign.startedAt),
      })),
      assists: assists.map((assist) => ({ campaignId: assist.campaignId.toHexString(), at: toBusinessIso(assist.at) })),
    };
  },
  referral: async ({ memberId }) => {
    const [code, invitedBy, invited, shares] = await Promise.all([
      ReferralCodeModel.findById(memberId).lean(),
      ReferralModel.findById(memberId).lean(),
      ReferralModel.find({ referrerId: memberId }).sort({ boundAt: -1 }).lean(),
      ShareLinkModel.find({ memberId }).sort({ createdAt: -1 }).lean(),
    ]);
    return {
      code: code?.code ?? null,
      invitedBy: invitedBy ? { joinedAt: toBusinessIso(invitedBy.boundAt), state: invitedBy.state } : null,
      invited: invited.map((referral) => ({ joinedAt: toBusinessIso(referral.boundAt), state: referral.state, points: referral.state === 'rewarded' ? referral.points : 0 })),
      shares: shares.map((share) => ({ kind: share.kind, createdAt: toBusinessIso(share.createdAt) })),
    };
  },
  community: ({ memberId }) => exportCommunity(memberId),
};

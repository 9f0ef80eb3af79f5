import type { MembersExportResponse } from '@cakeday/shared';
import mongoose, { type Types } from 'mongoose';
import { BirthdayClaimModel } from '../birthday/BirthdayClaim.model';
import { ConsentModel } from '../consents/Consent.model';
import { CouponModel } from '../coupons/Coupon.model';
import { HelpAssistModel } from '../help/HelpAssist.model';
import { HelpCampaignModel } from '../help/HelpCampaign.model';
import { RedemptionLimitModel } from '../mall/RedemptionLimit.model';
import { MemberModel } from '../members/Member.model';
import { MemberCodeModel } from '../memberCode/MemberCode.model';
import { ReferralCodeModel } from '../referral/ReferralCode.model';
import { DailyCounterModel } from '../db/DailyCounter.model';
import { ShareLinkModel } from '../referral/ShareLink.model';
import { WishlistModel } from '../wishlist/Wishlist.model';
import { NpsAnswerModel } from '../satisfaction/NpsAnswer.model';
import { RatingModel } from '../satisfaction/Rating.model';
import { WriteoffRecordModel } from '../writeoff/WriteoffRecord.model';
import { MemberStatsModel } from '../analytics/MemberStats.model';
import { CampaignTouchesModel } from '../campaigns/results/CampaignTouches.model';
import { InsightsBuyerModel } from '../insights/InsightsBuyer.model';
import { AVATAR_BUCKET, deleteAvatarFilesOf } from '../media/avatarFiles';
import type { PhotoStore } from '../community/photos/photoStore';
import { communityHolders } from '../community/privacy/communityHolders';
import { MessagePushInboxModel } from '../wechat/messagePush/MessagePushInbox.model';
import { SubscriptionQuotaModel } from '../subscriptions/SubscriptionQuota.model';
import { SubscriptionReportModel } from '../subscriptions/SubscriptionReport.model';
import { SendReceiptModel } from '../subscriptions/SendReceipt.model';
import { CampaignDeliveryModel } from '../campaigns/CampaignDelivery.model';
import { InboxMessageModel } from '../messages/InboxMessage.model';
import { SmsReceiptModel } from '../sms/SmsReceipt.model';
import { SmsReplyModel } from '../sms/SmsReply.model';

/** What erasure does to a holder: delete the member's documents, strip the personal fields, or keep them. */
export type ErasureAction = 'delete' | 'anonymise' | 'keep';
export type ExportSection = Exclude<keyof MembersExportResponse, 'exportedAt'>;

export interface ErasureContext {
  memberId: Types.ObjectId;
  /** The member's openid, while it is known (null when a deletion is resumed after the member was anonymised). */
  openid: string | null;
  now: Date;
  /** Community photo files (their documents say which). */
  photos: PhotoStore;
}

interface HolderFacts {
  /** Every path that names the member (ids, keys built from the id) or holds or copies their personal data. */
  fields: readonly string[];
  erasure: ErasureAction;
  /** Why this is what erasure does (for `keep`: the record the law or the accounts require). */
  why: string;
  /** Idempotent, safe to run again after a crash at any point. */
  erase?: (context: ErasureContext) => Promise<unknown>;
  /** Where members.export shows it ([] only with a reason in `why`). */
  exportedIn: readonly ExportSection[];
}

/** One collection that holds or copies a member's personal data: a mongoose model, or a collection written without one. */
export type PersonalDataHolder = HolderFacts & ({ model: string; collection?: undefined } | { collection: string; model?: undefined });

/** `_id`s built as `<memberId>:…` (daily counters, redemption limits). */
const keyedBy = (memberId: Types.ObjectId): { _id: RegExp } => ({ _id: new RegExp(`^${memberId.toHexString()}:`) });

/**
 * Every place a member's personal data is kept or copied. members.delete (deleteMember.ts) runs each `erase` in
 * this order; members.export (exportMemberData.ts) reads each `exportedIn` section. personalDataRegistry.test.ts
 * fails when a model holding a member id, a name or another personal field is missing here.
 * The member document comes first: once it is anonymised no session works, so nothing new is copied meanwhile.
 */
export const personalDataHolders: readonly PersonalDataHolder[] = [
  {
    model: 'Member',
    fields: ['_id', 'openid', 'unionid', 'nickname', 'nicknameReview', 'avatarUrl', 'avatarUploadedAt', 'avatarCheck', 'phone', 'phoneHash', 'birthday', 'birthdayHistory'],
    erasure: 'anonymise',
    why: 'The id stays (the ledger refers to it); openid, unionid, profile, phone, birthday and history go; every session is revoked.',
    erase: ({ memberId, now }) =>
      MemberModel.updateOne(
        { _id: memberId, status: 'active' },
        {
          $set: {
            status: 'deleted',
            openid: `deleted:${memberId.toHexString()}`,
            nickname: null,
            nicknameReview: null,
            avatarUrl: null,
            avatarUploadedAt: null,
            avatarCheck: null,
            phone: null,
            birthday: null,
            birthdayHistory: { firstSetAt: null, changedAt: null, corrections: 0, lastBenefitClaimedAt: null },
            deletedAt: now,
            erasedAt: null,
            updatedAt: now,
          },
          $unset: { unionid: 1, phoneHash: 1 },
          $inc: { tokenVersion: 1 },
        },
      ),
    exportedIn: ['profile', 'tier'],
  },
  {
    model: 'AuditEntry',
    fields: ['subject', 'before', 'after'],
    erasure: 'keep',
    why: 'The ops audit log names members as subjects (by id) with personal data masked before it is written; it is the brand’s record of what its staff did, append-only and hash-chained, so erasure cannot edit it. Not exported: it is about the operators’ actions.',
    exportedIn: [],
  },
  {
    model: 'PointsAdjustment',
    fields: ['memberId', 'memberNote'],
    erasure: 'keep',
    why: 'Ops adjustments of the member’s points: an accounting record tied to the anonymous id, like the ledger it posts to. Not exported here: the member sees each one, with its note, in their points history, which is exported.',
    exportedIn: [],
  },
  {
    model: 'MemberStats',
    fields: ['_id', 'purchases', 'activeDays', 'funnelSteps', 'applied'],
    erasure: 'delete',
    why: 'Analytics’ view of the member (activity dates, purchase amounts, lifecycle stage and RFM scores), derived from the outbox: nothing needs it once the member is gone, and the daily rollups it fed hold no member. Not exported: derived from the orders and points that are.',
    erase: ({ memberId }) => MemberStatsModel.deleteOne({ _id: memberId }),
    exportedIn: [],
  },
  {
    model: 'CampaignTouches',
    fields: ['_id', 'campaigns', 'applied'],
    erasure: 'delete',
    why: 'The campaigns the member was assigned to lately and the steps counted for them, derived from the outbox so each is counted once: nothing needs it once the member is gone, and the campaign results it fed hold no member. Not exported: derived from the deliveries and orders.',
    erase: ({ memberId }) => CampaignTouchesModel.deleteOne({ _id: memberId }),
    exportedIn: [],
  },
  {
    model: 'InsightsBuyer',
    fields: ['_id', 'lastDays', 'months', 'applied'],
    erasure: 'delete',
    why: 'The insights view of a buyer (the days of their last two orders, their recent months of orders and whether each was their birthday month), derived from the outbox so repurchase and birthday-month retention are counted once: nothing needs it once the member is gone, and the daily counts it fed hold no member. Not exported: derived from the orders that are.',
    erase: ({ memberId }) => InsightsBuyerModel.deleteOne({ _id: memberId }),
    exportedIn: [],
  },
  {
    model: 'Event',
    fields: ['memberId'],
    erasure: 'keep',
    why: 'The event outbox: facts (ids, amounts, codes; never names, phones or texts) tied to the member id, which erasure leaves anonymous; analytics and campaign measurement stay correct. Not exported: derived from the records that are.',
    exportedIn: [],
  },
  {
    model: 'DeletedAccount',
    fields: ['_id'],
    erasure: 'keep',
    why: 'The declared fraud list: a keyed hash of the openid only, kept so that new-member rewards are not farmed again (written by deleteMember before the openid goes). Not exported: it names no member id.',
    exportedIn: [],
  },
  {
    model: 'Consent',
    fields: ['memberId', 'ip'],
    erasure: 'anonymise',
    why: 'The record of what was consented to is kept as proof, tied to the anonymous id; the request address goes.',
    erase: ({ memberId }) => ConsentModel.updateMany({ memberId, ip: { $ne: null } }, { $set: { ip: null } }),
    exportedIn: ['consents'],
  },
  {
    model: 'PointsEntry',
    fields: ['memberId'],
    erasure: 'keep',
    why: 'The append-only points ledger: amounts tied to the anonymous id, nothing identifying.',
    exportedIn: ['points'],
  },
  {
    model: 'PointsAccount',
    fields: ['_id'],
    erasure: 'keep',
    why: 'The balance and lots of the ledger, under the anonymous id.',
    exportedIn: ['points'],
  },
  {
    model: 'PaidSpend',
    fields: ['memberId', 'reference'],
    erasure: 'keep',
    why: 'Payments and refunds (accounting records), amounts and order references under the anonymous id.',
    exportedIn: ['paidSpend', 'tier'],
  },
  {
    model: 'PosPurchase',
    fields: ['memberId', 'memberCodeId', 'inBirthdayMonth'],
    erasure: 'keep',
    why: 'Till and online-shop purchases (accounting records: receipt, store, lines, amounts) under the anonymous id; exported as purchases (receipt, store, lines, amounts, points), their paid spend with paidSpend and their points with points.',
    exportedIn: ['purchases', 'paidSpend', 'points'],
  },
  {
    model: 'PosRefund',
    fields: ['memberId'],
    erasure: 'keep',
    why: 'Refunds of those purchases (accounting records) under the anonymous id; exported with paidSpend (the negative amounts) and points (the clawback).',
    exportedIn: ['paidSpend', 'points'],
  },
  {
    model: 'MemberCode',
    fields: ['memberId'],
    erasure: 'delete',
    why: 'Not exported: a member code lives 60 seconds (purged a day later) and says only which coupons were shown with it; deleted so that no till can identify the member with one.',
    erase: ({ memberId }) => MemberCodeModel.deleteMany({ memberId }),
    exportedIn: [],
  },
  {
    model: 'MallOrder',
    fields: ['buyerMemberId', 'recipientMemberId', 'giftRef'],
    erasure: 'keep',
    why: 'Orders and their WeChat Pay records are accounting records; they hold member ids only, no profile.',
    exportedIn: ['orders'],
  },
  {
    model: 'Coupon',
    fields: ['memberId', 'usedByStaffMemberId'],
    erasure: 'keep',
    why: 'Issued and used coupons stay as records under the anonymous id; those still available (or held by an unpaid mall order) are voided so a shown QR cannot be used. The staff id is the store audit of who wrote off.',
    erase: ({ memberId, now }) => CouponModel.updateMany({ memberId, status: { $in: ['available', 'held'] } }, { $set: { status: 'void', updatedAt: now } }),
    exportedIn: ['coupons'],
  },
  {
    model: 'WriteoffRecord',
    fields: ['memberId', 'memberName', 'staffMemberId', 'staffName'],
    erasure: 'anonymise',
    why: 'The store keeps the write-off (what, where, when, by which staff); the copied member nickname goes. Staff names are the roster ops keeps.',
    erase: ({ memberId }) => WriteoffRecordModel.updateMany({ memberId, memberName: { $ne: '会员' } }, { $set: { memberName: '会员' } }),
    exportedIn: ['writeoffs'],
  },
  {
    model: 'BirthdayClaim',
    fields: ['memberId'],
    erasure: 'delete',
    why: 'When the member claimed birthday benefits tells their birthday; the coupons themselves are covered above.',
    erase: ({ memberId }) => BirthdayClaimModel.deleteMany({ memberId }),
    exportedIn: ['birthdayClaims'],
  },
  {
    model: 'HelpAssist',
    fields: ['helperId', 'campaignId'],
    erasure: 'keep',
    why: 'As a helper: the one-assist-per-friend key of a friend’s campaign, under the anonymous id (it counts in their goal). Assists of the member’s own campaigns go with them (below).',
    exportedIn: ['help'],
  },
  {
    model: 'HelpCampaign',
    fields: ['memberId', 'birthday', 'helpers'],
    erasure: 'delete',
    why: 'The member’s own campaigns copy their birthday and are deleted with their assists; on friends’ campaigns the copied nickname and avatar go, the anonymous id keeps the count.',
    erase: async ({ memberId }) => {
      const own = await HelpCampaignModel.find({ memberId }, { _id: 1 }).lean();
      await HelpAssistModel.deleteMany({ campaignId: { $in: own.map((campaign) => campaign._id) } });
      await HelpCampaignModel.deleteMany({ memberId });
      await HelpCampaignModel.updateMany(
        { 'helpers.memberId': memberId },
        { $set: { 'helpers.$[copy].nickname': null, 'helpers.$[copy].avatarUrl': null } },
        { arrayFilters: [{ 'copy.memberId': memberId }] },
      );
    },
    exportedIn: ['help'],
  },
  {
    model: 'DailyCounter',
    fields: ['_id'],
    erasure: 'delete',
    why: 'Daily caps (help assists, referral rewards) keyed `<purpose>:<memberId>:<day>`; only a cap, no longer needed. Not exported: counters, not data about the member.',
    erase: ({ memberId }) => DailyCounterModel.deleteMany({ _id: new RegExp(`^[^:]+:${memberId.toHexString()}:`) }),
    exportedIn: [],
  },
  {
    model: 'Referral',
    fields: ['_id', 'referrerId', 'shareId', 'orderId', 'pointsKey'],
    erasure: 'keep',
    why: 'Both ways (as invitee it is their own id, as referrer referrerId): the reward’s record in the points ledger, member ids only; the friend sees a deleted member as 微信好友.',
    exportedIn: ['referral'],
  },
  {
    model: 'ReferralCode',
    fields: ['_id', 'code'],
    erasure: 'delete',
    why: 'A code that names the member: a friend using it later must not bind to a deleted account.',
    erase: ({ memberId }) => ReferralCodeModel.deleteMany({ _id: memberId }),
    exportedIn: ['referral'],
  },
  {
    model: 'ShareLink',
    fields: ['memberId', 'targetId'],
    erasure: 'delete',
    why: 'The member’s shares (wishlist, help card, invite): friends opening them afterwards get 404.',
    erase: ({ memberId }) => ShareLinkModel.deleteMany({ memberId }),
    exportedIn: ['referral'],
  },
  {
    model: 'Wishlist',
    fields: ['_id', 'wishes'],
    erasure: 'delete',
    why: 'Wish texts and notes the member wrote.',
    erase: ({ memberId }) => WishlistModel.deleteMany({ _id: memberId }),
    exportedIn: ['wishlist'],
  },
  {
    model: 'RedemptionLimit',
    fields: ['_id'],
    erasure: 'delete',
    why: 'Per-member redemption counters keyed by the member id. Not exported: counters; the orders they count are.',
    erase: ({ memberId }) => RedemptionLimitModel.deleteMany(keyedBy(memberId)),
    exportedIn: [],
  },
  {
    collection: `${AVATAR_BUCKET}.files`,
    fields: ['metadata.memberId'],
    erasure: 'delete',
    why: 'The avatar images the member uploaded (GridFS files and their chunks), served at a random address; every one goes, with its chunks. Exported as the profile’s avatarUrl.',
    erase: ({ memberId }) => deleteAvatarFilesOf(memberId),
    exportedIn: ['profile'],
  },
  {
    collection: 'rate_limits',
    fields: ['key'],
    erasure: 'delete',
    why: 'Rate-limit counters (rate-limiter-flexible) keyed by the member id (help) or the openid (login); MongoDB’s TTL drops them within minutes, a database without TTL keeps them. Not exported: counters.',
    erase: ({ memberId, openid }) =>
      mongoose.connection.collection('rate_limits').deleteMany({ key: { $in: [`help_member:${memberId.toHexString()}`, ...(openid ? [`login_openid:${openid}`] : [])] } }),
    exportedIn: [],
  },
  ...communityHolders,
  {
    model: 'MessagePushInbox',
    fields: ['_id', 'openid', 'event'],
    erasure: 'delete',
    why: 'WeChat’s pushes about the member (subscription answers, send receipts, media verdicts), keyed by their openid, kept only to count each once. Entries left when a resumed deletion no longer knows the openid go with the 30-day purge. Not exported: technical receipts; what they changed (subscriptions) is exported with its feature.',
    erase: ({ openid }) => (openid ? MessagePushInboxModel.deleteMany({ openid }) : Promise.resolve()),
    exportedIn: [],
  },
  {
    model: 'SubscriptionQuota',
    fields: ['_id', 'memberId'],
    erasure: 'delete',
    why: 'How many subscription messages of each template WeChat lets the brand send the member: meaningless without the account. Not exported here: the member sees it in 消息设置; it is a count WeChat keeps too.',
    erase: ({ memberId }) => SubscriptionQuotaModel.deleteMany({ memberId }),
    exportedIn: [],
  },
  {
    model: 'SubscriptionReport',
    fields: ['memberId'],
    erasure: 'delete',
    why: 'What the mini-program reported of the member’s subscription popups, kept to reconcile with WeChat’s pushes. Not exported: technical records of answers the member gave WeChat, which WeChat shows them.',
    erase: ({ memberId }) => SubscriptionReportModel.deleteMany({ memberId }),
    exportedIn: [],
  },
  {
    model: 'SendReceipt',
    fields: ['openid'],
    erasure: 'delete',
    why: 'WeChat’s receipts of subscription messages sent to the member, by openid, kept to settle deliveries whose send crashed. Not exported: technical receipts of the deliveries the member sees in 消息中心.',
    erase: ({ openid }) => (openid ? SendReceiptModel.deleteMany({ openid }) : Promise.resolve()),
    exportedIn: [],
  },
  {
    model: 'CampaignDelivery',
    fields: ['key', 'memberId', 'sentTo'],
    erasure: 'anonymise',
    why: 'One campaign message to the member: the record that it was sent once, kept under the anonymous id for the campaign’s counts (like the event outbox); the openid it went to goes, and a queued one is never sent (the member is gone). Not exported: it holds no text, only that a message was sent; the messages are in 消息中心.',
    erase: ({ memberId, now }) =>
      Promise.all([
        CampaignDeliveryModel.updateMany({ memberId, sentTo: { $ne: null } }, { $set: { sentTo: 'erased' } }),
        CampaignDeliveryModel.updateMany({ memberId, state: 'queued' }, { $set: { state: 'skipped', skipReason: 'member_gone', settledAt: now, leaseOwner: null, leaseUntil: null } }),
      ]),
    exportedIn: [],
  },
  {
    model: 'SmsReceipt',
    fields: ['memberId'],
    erasure: 'delete',
    why: 'Tencent’s delivery receipts of SMS to the member (whether it reached the phone), by the member the number resolved to; the number itself is never stored. Nothing needs them once the member is gone. Not exported: they hold no text.',
    erase: ({ memberId }) => SmsReceiptModel.deleteMany({ memberId }),
    exportedIn: [],
  },
  {
    model: 'SmsReply',
    fields: ['memberId'],
    erasure: 'delete',
    why: 'That the member replied to an SMS and whether it was an opt-out (the number and the text are not stored; the key is a keyed hash). The withdrawal it caused is kept in the consents. Not exported: the consents it changed are.',
    erase: ({ memberId }) => SmsReplyModel.deleteMany({ memberId }),
    exportedIn: [],
  },
  {
    model: 'InboxMessage',
    fields: ['memberId', 'lines'],
    erasure: 'delete',
    why: 'The member’s 消息中心: the brand’s messages to them, rendered with their nickname. Not exported yet: the member reads every message in 消息中心 (an export section is to follow).',
    erase: ({ memberId }) => InboxMessageModel.deleteMany({ memberId }),
    exportedIn: [],
  },
  {
    model: 'StaffAllowance',
    fields: ['openid', 'name', 'memberId'],
    erasure: 'keep',
    why: 'The stores’ staff roster ops keeps (employment, not the member account): ops removes a leaver. Not exported: ops data about staff.',
    exportedIn: [],
  },
  {
    model: 'Rating',
    fields: ['key', 'memberId', 'comment', 'sentiment'],
    erasure: 'delete',
    why: 'The member’s ratings of their orders and write-offs, with the comments they wrote: deleted with them; the dashboard’s counts (insights_daily) and the rating.submitted events hold no text and no member. Not exported yet: a satisfaction section of members.export is to follow.',
    erase: ({ memberId }) => RatingModel.deleteMany({ memberId }),
    exportedIn: [],
  },
  {
    model: 'NpsAnswer',
    fields: ['key', 'memberId', 'comment', 'sentiment'],
    erasure: 'delete',
    why: 'The member’s answers to the NPS question, with their comments: deleted with them, like the ratings. Not exported yet: a satisfaction section of members.export is to follow.',
    erase: ({ memberId }) => NpsAnswerModel.deleteMany({ memberId }),
    exportedIn: [],
  },
];

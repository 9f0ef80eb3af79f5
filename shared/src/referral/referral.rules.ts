import type { ProgramSettings } from '../settings/settings.defaults.js';

/** Every share (wishlist, help card, plain invite) carries the sharer's referral code and a share id. */
export const SHARE_KINDS = ['wishlist', 'help', 'invite'] as const;
export type ShareKind = (typeof SHARE_KINDS)[number];

/** The landing page each share opens (no leading slash: getwxacodeunlimit's `page` format). */
export const SHARE_LANDING_PAGES: Record<ShareKind, string> = {
  wishlist: 'pages/wishlist/friend/index',
  help: 'pages/help/card/index',
  invite: 'pages/referral/landing/index',
};

/** A share id is one kind letter and 12 base62 characters. */
export const SHARE_ID_PATTERN = /^[whi][0-9A-Za-z]{12}$/;
export const SHARE_ID_PREFIX: Record<ShareKind, string> = { wishlist: 'w', help: 'h', invite: 'i' };

/** Referral codes avoid look-alike characters (0/O, 1/I) so they can be read out or typed. */
export const REFERRAL_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const REFERRAL_CODE_LENGTH = 8;
export const REFERRAL_CODE_PATTERN = /^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{8}$/;

/** The referral knobs of the program settings: windows, the referrer's rate, the daily cap, the welcome coupon. */
export type ReferralSettings = ProgramSettings['referral'];

/** The QR scene (≤ 32 chars of [0-9A-Za-z.]): `<shareId>.<referralCode>`, 22 chars. */
export function buildShareScene(shareId: string, referralCode: string): string {
  return `${shareId}.${referralCode}`;
}

/** Parses `options.scene` (already decodeURIComponent-ed) or returns null when it is not one of ours. */
export function parseShareScene(scene: string): { shareId: string; referralCode: string } | null {
  const [shareId, referralCode, ...rest] = scene.split('.');
  if (rest.length > 0 || !shareId || !referralCode) return null;
  if (!SHARE_ID_PATTERN.test(shareId) || !REFERRAL_CODE_PATTERN.test(referralCode)) return null;
  return { shareId, referralCode };
}

/** The path onShareAppMessage uses: the landing page with the share id and referral code. */
export function buildSharePath(kind: ShareKind, shareId: string, referralCode: string): string {
  return `/${SHARE_LANDING_PAGES[kind]}?sid=${shareId}&ref=${referralCode}`;
}

export function shareKindOf(shareId: string): ShareKind | null {
  if (!SHARE_ID_PATTERN.test(shareId)) return null;
  const prefix = shareId[0];
  return SHARE_KINDS.find((kind) => SHARE_ID_PREFIX[kind] === prefix) ?? null;
}

export type ReferralRefusal = 'not_new' | 'self' | 'loop' | 'window_passed' | 'fraud_list' | 'already_bound' | 'unknown_share';

export interface ReferralBindingFacts {
  inviteeId: string;
  inviteeIsNew: boolean;
  /** False when the invitee's identity is on the deletion fraud list. */
  inviteeEligible: boolean;
  sharerId: string;
  /** Who referred the sharer, if anyone: binding back to them would be an A↔B loop. */
  sharerReferrerId: string | null;
  sharedAt: Date;
  now: Date;
  /** The settings' `referral.windowDays` in force. */
  windowDays: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** First touch wins (enforced by a unique key on the invitee); this decides whether a touch may bind at all. */
export function decideReferralBinding(facts: ReferralBindingFacts): { bind: true } | { bind: false; reason: ReferralRefusal } {
  if (facts.inviteeId === facts.sharerId) return { bind: false, reason: 'self' };
  if (!facts.inviteeIsNew) return { bind: false, reason: 'not_new' };
  if (!facts.inviteeEligible) return { bind: false, reason: 'fraud_list' };
  if (facts.sharerReferrerId === facts.inviteeId) return { bind: false, reason: 'loop' };
  const age = facts.now.getTime() - facts.sharedAt.getTime();
  if (age < 0 || age > facts.windowDays * DAY_MS) return { bind: false, reason: 'window_passed' };
  return { bind: true };
}

/**
 * The last instant an invitee's first purchase may be paid to reward the sharer; past it the referral is settled as
 * expired and leaves the reward job's working set.
 */
export function referralRewardDeadline(boundAt: Date, rewardWindowDays: number): Date {
  return new Date(boundAt.getTime() + rewardWindowDays * DAY_MS);
}

/** A fulfilled order of the invitee, as the referral reward sees it. */
export interface ReferralPurchase {
  /** Cash paid, in fen. */
  paidFen: number;
  paidAt: Date;
  /** Bought for another member (a wishlist gift, even one for the sharer): not the invitee's own purchase. */
  gift: boolean;
}

/** Whether the order is the invitee's own purchase that can reward the sharer: paid in cash, for themselves, in time. */
export function countsForReferralReward(purchase: ReferralPurchase, boundAt: Date, rewardWindowDays: number): boolean {
  return purchase.paidFen > 0 && !purchase.gift && purchase.paidAt.getTime() <= referralRewardDeadline(boundAt, rewardWindowDays).getTime();
}

/** The sharer earns points per whole yuan of the order at the settings' referrer rate (thousandths). */
export function referralRewardPoints(paidFen: number, referrerPointsPerYuanPermille: number): number {
  return Math.floor((Math.floor(Math.max(0, paidFen) / 100) * referrerPointsPerYuanPermille) / 1000);
}

/** The rules as members read them, from the settings in force. */
export function referralRulesText(settings: ReferralSettings): string[] {
  const rate = Number((settings.referrerPointsPerYuanPermille / 1000).toFixed(3));
  return [
    '分享心愿清单、助力卡或邀请卡，好友通过分享首次注册成为会员即与你绑定（以首次进入为准）。',
    `分享后${settings.windowDays}天内注册有效；不能邀请自己，已注销后重新注册的账号不计入。`,
    '新会员可获得首单优惠券。',
    `好友注册后${settings.rewardWindowDays}天内为自己完成首笔支付订单后，你可按该订单实付金额每1元获得${rate}积分（为他人购买的礼物不计）；订单退款则积分相应扣回。`,
    `每天最多获得${settings.dailyRewardCap}次邀请奖励。`,
  ];
}

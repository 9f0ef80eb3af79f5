/**
 * The community's pure rules: limits, the states a post or comment moves through, how a member sees them, the
 * 热门 score and how much a report weighs. No I/O, no zod: the mini-program imports these without the schemas.
 */
export const POST_TEXT_MAX_LENGTH = 1000;
export const COMMENT_TEXT_MAX_LENGTH = 500;
export const POST_PHOTOS_MAX = 9;
/** Bytes of one uploaded photo (WeChat's mediaCheckAsync takes files up to 10 MB). */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
/** Where the mini-program uploads one photo (multipart, field `photo`); outside the JSON route table. */
export const COMMUNITY_PHOTO_UPLOAD_PATH = '/media/photos';
export const COMMUNITY_PHOTO_FIELD = 'photo';
export const PHOTO_SIZES = ['thumb', 'display'] as const;
/** The topic #晒生日#: seeded, and preset in the composer the home card opens after a birthday benefit is claimed. */
export const BIRTHDAY_SHOW_TOPIC_CODE = 'birthday';
export type PhotoSize = (typeof PHOTO_SIZES)[number];
/** The longest side of each stored size, in pixels. */
export const PHOTO_SIZE_PIXELS: Record<PhotoSize, number> = { thumb: 360, display: 1280 };

/**
 * A photo's URL token: 128 random bits in base64url. Photos are served without a session (WeChat's checker, the
 * H5 app, image caches), also while their post awaits its verdict, so their address must not be guessable the way
 * an ObjectId (a timestamp and a counter) is.
 */
export const PHOTO_URL_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** A photo's stable, immutable address on the BFF (served with a year-long cache), by its URL token. */
export function communityPhotoPath(urlToken: string, size: PhotoSize): string {
  return `/media/${urlToken}/${size}.jpg`;
}

/**
 * pending: waiting for WeChat's verdicts on its photos; in_review: in the ops queue (a text or photo held for
 * review, no verdict in time, or reports over the threshold); published: everyone sees it; rejected: WeChat
 * called a photo risky (only its author sees it, marked); removed: a moderator took it down; deleted: by its author.
 */
export const CONTENT_STATES = ['pending', 'in_review', 'published', 'rejected', 'removed', 'deleted'] as const;
export type ContentState = (typeof CONTENT_STATES)[number];

/** What members see of a state: others only ever see published content. */
export type MemberContentStatus = 'published' | 'reviewing' | 'rejected';

export function memberContentStatus(state: ContentState): MemberContentStatus | null {
  switch (state) {
    case 'published':
      return 'published';
    case 'pending':
    case 'in_review':
      return 'reviewing';
    case 'rejected':
    case 'removed':
      return 'rejected';
    case 'deleted':
      return null;
  }
}

/** Whether a viewer may see a post or comment in this state: everyone published ones, the author their own. */
export function visibleTo(state: ContentState, viewerIsAuthor: boolean): boolean {
  if (state === 'published') return true;
  return viewerIsAuthor && state !== 'deleted';
}

/** Why an item sits in the ops queue. */
export const REVIEW_REASONS = [
  'text_review',
  'text_unchecked',
  'word_review',
  'photo_review',
  'photo_unchecked',
  'photo_timeout',
  'reported',
] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

export const REVIEW_REASON_TEXTS: Record<ReviewReason, string> = {
  text_review: '文字待人工复核（微信内容安全）',
  text_unchecked: '文字未能完成自动检测',
  word_review: '命中词库中的待审词',
  photo_review: '图片待人工复核（微信内容安全）',
  photo_unchecked: '图片未能提交检测',
  photo_timeout: '图片30分钟内未收到检测结果',
  reported: '举报达到阈值，已暂时隐藏',
};

export const REPORT_REASONS = ['spam', 'porn', 'abuse', 'illegal', 'fraud', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const REPORT_REASON_TEXTS: Record<ReportReason, string> = {
  spam: '垃圾广告',
  porn: '色情低俗',
  abuse: '辱骂攻击',
  illegal: '违法违规',
  fraud: '诈骗',
  other: '其他',
};

/** What a moderator's action moves: from the states it may start in to the state it ends in. */
export const MODERATION_MOVES = {
  approve: { from: ['pending', 'in_review', 'rejected'], to: 'published' },
  remove: { from: ['pending', 'in_review', 'published', 'rejected'], to: 'removed' },
  restore: { from: ['removed', 'rejected'], to: 'published' },
} as const satisfies Record<string, { from: readonly ContentState[]; to: ContentState }>;
export type ModerationAction = keyof typeof MODERATION_MOVES;

/**
 * 热门: engagement (a comment counts twice a like) on a log scale plus the age, so that every HOT_HALF_LIFE_HOURS
 * of age weighs as much as doubling the engagement. Fixed at write time, so the order needs no decay job: a newer
 * post starts higher, an older one needs twice the engagement per half-life to stay ahead.
 */
export const HOT_HALF_LIFE_HOURS = 12;
const HOT_EPOCH_MS = Date.UTC(2026, 0, 1);

export function hotScore(counts: { likes: number; comments: number }, createdAt: Date): number {
  const engagement = Math.max(0, counts.likes) + 2 * Math.max(0, counts.comments);
  const ageUnits = (createdAt.getTime() - HOT_EPOCH_MS) / (HOT_HALF_LIFE_HOURS * 3_600_000);
  return Math.round((Math.log2(1 + engagement) + ageUnits) * 1e6) / 1e6;
}

/**
 * How much a member's report weighs, from their record: 10 for a new reporter, 5 more for each report moderators
 * upheld (up to 30), 3 less for each they dismissed (down to 2). Ten reports of a serial false reporter weigh less
 * than three of a trusted one.
 */
export function reportWeight(record: { upheld: number; dismissed: number }): number {
  const weight = 10 + 5 * Math.max(0, record.upheld) - 3 * Math.max(0, record.dismissed);
  return Math.min(30, Math.max(2, weight));
}

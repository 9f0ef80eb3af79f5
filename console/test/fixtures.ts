import type { ModerationItem, OpsMallItem, OpsMembersGetResponse, PointsAdjustmentView } from '@cakeday/shared';
import type { OpsResponse } from '../src/api/opsRoutes';

/** Answers of the ops routes as the BFF gives them, for component tests; each takes overrides. */
export const MEMBER_ID = '64d000000000000000000001';

export function memberDetail(overrides: Partial<OpsMembersGetResponse> = {}): OpsMembersGetResponse {
  return {
    profile: {
      id: MEMBER_ID,
      nicknameMasked: '麦*',
      phoneMasked: '138****8000',
      birthday: { month: 9, day: 15, yearKnown: true },
      status: 'active',
      memberSince: '2025-09-01T10:00:00+08:00',
      deletedAt: null,
      unionidLinked: false,
    },
    tier: {
      level: 'gold',
      name: '金卡',
      rollingSpendFen: 58_000,
      next: { level: 'diamond', name: '钻石卡', thresholdFen: 200_000, remainingFen: 142_000 },
      reviewOn: '2026-09-01',
      since: '2026-03-02T18:05:00+08:00',
      reviewedAt: null,
    },
    points: {
      balance: 1000,
      expiringSoon: { points: 0, before: '2026-06-01T00:00:00+08:00', firstExpiresAt: null },
      lots: [{ lotId: 'lot-1', earnedAt: '2026-03-02T18:05:00+08:00', expiresAt: '2028-01-01T00:00:00+08:00', amount: 880, remaining: 880 }],
      latestEntries: [],
      entriesTotal: 0,
    },
    orders: { total: 0, latest: [] },
    coupons: { available: 0, total: 0, latest: [] },
    consents: { statuses: [], records: [] },
    referrals: { referredBy: null, invited: { total: 0, rewarded: 0, latest: [] } },
    helpCampaigns: [],
    ...overrides,
  };
}

export function adjustment(overrides: Partial<PointsAdjustmentView> = {}): PointsAdjustmentView {
  return {
    id: '65f0000000000000000000c1',
    memberId: MEMBER_ID,
    points: 2000,
    reason: '客诉补偿',
    memberNote: '门店补偿',
    memberText: '积分调整：门店补偿',
    state: 'pending',
    stateLabel: '待审批',
    needsApproval: true,
    requestedBy: { id: '65f000000000000000000001', displayName: '演示ops' },
    requestedAt: '2026-05-10T12:00:00+08:00',
    decidedBy: null,
    decidedAt: null,
    rejectReason: null,
    appliedAt: null,
    failure: null,
    ledgerEntryId: null,
    settingsVersion: 0,
    canDecide: false,
    ...overrides,
  };
}

export const LIMITS = { dailyLimit: 20_000, usedToday: 300, approvalThreshold: 1000 };

export function mallItem(overrides: Partial<OpsMallItem> = {}): OpsMallItem {
  return {
    id: '65f0000000000000000000d1',
    code: 'member-tote',
    title: '会员周边帆布袋',
    subtitle: '麦香生日限定款帆布袋',
    description: '',
    rules: [],
    images: [],
    imageUrl: null,
    kind: 'physical',
    kindLabel: '会员周边',
    pointsPrice: 600,
    cashFen: 990,
    priceText: '600积分+¥9.9',
    stock: 80,
    reservedOrders: 0,
    limitPerMember: 1,
    limitPeriod: 'lifetime',
    tierRequired: null,
    couponTemplateCode: null,
    visibleFrom: null,
    visibleTo: null,
    status: 'active',
    sortOrder: 0,
    createdAt: '2026-01-01T08:00:00+08:00',
    updatedAt: '2026-01-01T08:00:00+08:00',
    version: 3,
    ...overrides,
  };
}

/** A post held in the moderation queue: one photo WeChat wants reviewed, reported once. */
export function moderationItem(overrides: Partial<ModerationItem> = {}): ModerationItem {
  return {
    kind: 'post',
    id: '66a000000000000000000001',
    postId: '66a000000000000000000001',
    state: 'in_review',
    reviewReasons: ['photo_review'],
    text: '今天生日，吃到了草莓蛋糕',
    topicCode: 'birthday',
    photos: [
      {
        id: '66b000000000000000000001',
        thumbUrl: '/media/AbCdEfGhIjKlMnOpQrStUv/thumb.jpg',
        displayUrl: '/media/AbCdEfGhIjKlMnOpQrStUv/display.jpg',
        check: { state: 'review', label: 10001, traceId: 'trace-1', requestedAt: '2026-06-15T12:00:00+08:00', verdictAt: '2026-06-15T12:01:00+08:00' },
      },
    ],
    textVerdict: { source: 'wechat', suggest: 'pass', label: 100, traceId: 'trace-text', words: [] },
    reports: [{ reason: 'spam', note: '像广告', weight: 1, state: 'open', at: '2026-06-15T12:30:00+08:00' }],
    reportWeight: 1,
    author: { memberId: MEMBER_ID, nickname: '小蛋糕', mutedUntil: null },
    likeCount: 3,
    commentCount: 1,
    history: [{ from: 'pending', to: 'in_review', by: null, reason: null, at: '2026-06-15T12:01:00+08:00' }],
    createdAt: '2026-06-15T12:00:00+08:00',
    updatedAt: '2026-06-15T12:01:00+08:00',
    ...overrides,
  };
}

/** A community topic as ops.community.topics.list gives it. */
export function communityTopic(overrides: Partial<OpsResponse<'ops.community.topics.save'>> = {}): OpsResponse<'ops.community.topics.save'> {
  return { id: '66c000000000000000000001', code: 'birthday', name: '晒生日', description: '晒出你的生日蛋糕', active: true, sort: 10, version: 2, ...overrides };
}

/** A word of the local list as ops.community.words.list gives it. */
export function moderationWord(overrides: Partial<OpsResponse<'ops.community.words.save'>> = {}): OpsResponse<'ops.community.words.save'> {
  return { id: '66d000000000000000000001', word: '代购', action: 'review', replacement: null, version: 1, updatedAt: '2026-06-15T12:00:00+08:00', ...overrides };
}

export type OpsCampaignRow = OpsResponse<'ops.campaigns.list'>['items'][number];

/** A campaign as ops.campaigns.list gives it: a draft one-off push of 会员日 by 运营甲. */
export function opsCampaign(overrides: Partial<OpsCampaignRow> = {}): OpsCampaignRow {
  return {
    id: 'c00000000000000000000001',
    name: '会员日',
    trigger: { kind: 'push', sendAt: '2026-12-12T10:00:00.000+08:00' },
    audience: { tiers: [], birthdayMonths: [], segment: null },
    message: { template: 'birthdayReminder', fields: {}, page: 'pages/birthday/index', inboxTitle: '会员日礼遇' },
    holdoutPermille: 0,
    endsAt: '2026-12-31T23:59:00.000+08:00',
    variants: [],
    allocation: 'split',
    state: 'draft',
    actions: [],
    version: 0,
    audienceSize: null,
    needsApproval: false,
    createdBy: { id: 'op1', displayName: '运营甲' },
    submittedBy: null,
    approvedBy: null,
    createdAt: '2026-11-23T10:00:00.000+08:00',
    updatedAt: '2026-11-23T10:00:00.000+08:00',
    ...overrides,
  };
}

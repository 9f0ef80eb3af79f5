import { DEFAULT_PROGRAM_SETTINGS, memberRulesOf, SUBSCRIPTION_TEMPLATE_KEYS, SUBSCRIPTION_TEMPLATES, type CommunityComment, type CommunityPost, type RouteResponse } from '@cakeday/shared';

type Member = RouteResponse<'members.me'>;

/** A members.me answer for a new basic member; override what the test is about. */
export function buildMember(overrides: Partial<Member> = {}): Member {
  return {
    id: 'member-1',
    nickname: '小蛋糕',
    nicknameInReview: false,
    avatarUrl: null,
    phoneMasked: null,
    birthday: null,
    birthdayLock: { state: 'open', correctableUntil: null, correctionsLeft: 0 },
    memberSince: '2026-01-10T10:00:00+08:00',
    tier: {
      level: 'basic',
      name: '普卡',
      rollingSpendFen: 12_000,
      next: { level: 'gold', name: '金卡', thresholdFen: 50_000, remainingFen: 38_000 },
      reviewOn: '2027-01-10',
    },
    points: {
      balance: 320,
      expiringSoon: { points: 0, before: '2026-02-10T10:00:00+08:00', firstExpiresAt: null },
    },
    coupons: { available: 2 },
    ...overrides,
  };
}

type BirthdayBenefits = RouteResponse<'birthday.benefits'>;
type BenefitPackage = BirthdayBenefits['packages'][number];

export function buildBenefitPackage(overrides: Partial<BenefitPackage> = {}): BenefitPackage {
  return {
    code: 'basic-month',
    title: '生日月礼包',
    description: '生日当月可领取',
    items: [{ kind: 'coupon', title: '生日月9折券', templateCode: 'birthday-10-off', multiplierPermille: null, automatic: false }],
    opens: 'birthday_month',
    windowText: '生日当月1日起可领取至生日当月月底',
    state: 'claimable',
    celebrationYear: 2026,
    firstDay: '2026-06-01',
    lastDay: '2026-06-30',
    opensAt: '2026-05-31T16:00:00Z',
    closesAt: '2026-06-30T16:00:00Z',
    daysUntilOpen: 0,
    claimedAt: null,
    claimable: true,
    ...overrides,
  };
}

/** A birthday.benefits answer for a basic member in the birthday month. */
export function buildBirthdayBenefits(overrides: Partial<BirthdayBenefits> = {}): BirthdayBenefits {
  return {
    available: true,
    unavailableReason: null,
    birthday: { month: 6, day: 15 },
    nextBirthday: '2026-06-15',
    daysUntilBirthday: 5,
    isBirthdayToday: false,
    isBirthdayMonth: true,
    tier: { level: 'basic', name: '普卡' },
    benefitsLocked: null,
    greeting: null,
    packages: [buildBenefitPackage()],
    claimableCount: 1,
    ...overrides,
  };
}

type MallItemView = RouteResponse<'mall.item'>;
type MallItemSummary = RouteResponse<'mall.list'>['items'][number];
type Order = RouteResponse<'orders.get'>['order'];
type Coupon = RouteResponse<'coupons.list'>['items'][number];

export function buildMallItemSummary(overrides: Partial<MallItemSummary> = {}): MallItemSummary {
  return {
    id: 'a00000000000000000000001',
    title: '烘焙课体验券',
    subtitle: '周末亲子烘焙课一次',
    coverImage: '',
    imageUrl: null,
    kind: 'service',
    kindLabel: '体验服务',
    pointsPrice: 500,
    cashFen: 0,
    priceText: '500 积分',
    stock: 20,
    soldOut: false,
    tierRequired: null,
    tierBadge: null,
    tierAllowed: true,
    visibleTo: null,
    ...overrides,
  };
}

export function buildMallItemView(overrides: Partial<MallItemSummary> = {}, view: Partial<Omit<MallItemView, 'item'>> = {}): MallItemView {
  return {
    item: {
      ...buildMallItemSummary(overrides),
      images: [],
      description: '跟着烘焙师做一只自己的生日蛋糕',
      rules: ['兑换后30天内预约使用', '每人每月限兑1次'],
      fulfilmentText: '兑换后凭核销码到门店使用',
      limit: { period: 'month', perMember: 2, text: '每月限兑 2 件' },
      coupon: null,
    },
    viewer: { balance: 1200, tierLevel: 'basic' },
    remainingForMe: 2,
    ...view,
  };
}

export function buildOrder(overrides: Partial<Order> = {}): Order {
  return {
    id: 'b00000000000000000000001',
    orderNo: 'CD202606100001',
    item: { id: 'a00000000000000000000001', title: '烘焙课体验券', coverImage: '', kind: 'service' },
    qty: 1,
    pointsTotal: 500,
    cashTotalFen: 0,
    coupon: null,
    priceText: '500 积分',
    status: 'fulfilled',
    statusLabel: '兑换成功',
    statusTone: 'success',
    cancelReason: null,
    cancelReasonText: null,
    createdAt: '2026-06-10T02:00:00Z',
    paymentDeadline: null,
    paidAt: null,
    fulfilledAt: '2026-06-10T02:00:01Z',
    cancelledAt: null,
    refundedAt: null,
    fulfilment: { type: 'pickup', usedAt: null, storeName: null },
    pickup: null,
    pointsEarned: 0,
    gift: null,
    actions: { canPay: false, canCancel: false, canRefund: false, canShowQr: true },
    ...overrides,
  };
}

export function buildCoupon(overrides: Partial<Coupon> = {}): Coupon {
  return {
    id: 'c00000000000000000000001',
    templateCode: 'fifty-minus-ten',
    title: '满50减10券',
    description: '全场通用',
    type: 'amount_off',
    valueText: '¥10',
    conditionText: '满50元可用',
    restrictionTexts: [],
    amountOffFen: 1000,
    percentOff: null,
    minSpendFen: 5000,
    status: 'available',
    statusLabel: '可使用',
    source: 'redemption',
    sourceLabel: '积分兑换',
    validFrom: '2026-06-01T00:00:00Z',
    validUntil: '2026-07-01T00:00:00Z',
    usedAt: null,
    usedStoreName: null,
    canShowQr: true,
    ...overrides,
  };
}

/** A paymentRequest as mall.redeem / orders.pay return it. */
export const payment = {
  timeStamp: '1780000000',
  nonceStr: 'nonce',
  package: 'prepay_id=wx123',
  signType: 'RSA' as const,
  paySign: 'signed',
  outTradeNo: 'CD202606100002',
  expiresAt: '2026-06-10T02:15:00Z',
};

type Wish = RouteResponse<'wishlist.mine'>['wishes'][number];

export function buildWish(overrides: Partial<Wish> = {}): Wish {
  return {
    id: 'wish-1',
    kind: 'text',
    item: null,
    text: '一束向日葵',
    note: null,
    inReview: [],
    position: 0,
    fulfilled: false,
    fulfilledAt: null,
    giver: null,
    giftPending: false,
    giftable: false,
    createdAt: '2026-06-01T02:00:00Z',
    ...overrides,
  };
}

export const share = {
  shareId: 'wAbCdEfGhIjKl',
  referralCode: 'ABCD2345',
  path: '/pages/wishlist/friend/index?sid=wAbCdEfGhIjKl&ref=ABCD2345',
  scene: 'wAbCdEfGhIjKl.ABCD2345',
  page: 'pages/wishlist/friend/index',
  title: '小蛋糕的生日心愿清单',
};

export function buildCommunityPost(overrides: Partial<CommunityPost> = {}): CommunityPost {
  return {
    id: 'c00000000000000000000001',
    author: { nickname: '小蛋糕', avatarUrl: null },
    text: '今天生日，吃到了草莓蛋糕',
    topic: { code: 'birthday', name: '晒生日', description: null },
    photos: [{ id: 'f00000000000000000000001', thumbUrl: '/media/f00000000000000000000001/thumb.jpg', displayUrl: '/media/f00000000000000000000001/display.jpg', width: 1280, height: 960 }],
    likeCount: 3,
    commentCount: 1,
    liked: false,
    mine: false,
    status: 'published',
    createdAt: '2026-06-15T12:00:00+08:00',
    ...overrides,
  };
}

export function buildCommunityComment(overrides: Partial<CommunityComment> = {}): CommunityComment {
  return {
    id: 'd00000000000000000000001',
    postId: 'c00000000000000000000001',
    parentId: null,
    replyTo: null,
    author: { nickname: '阿麦', avatarUrl: null },
    text: '生日快乐！',
    mine: false,
    status: 'published',
    createdAt: '2026-06-15T12:30:00+08:00',
    ...overrides,
  };
}

type SettingsRules = RouteResponse<'settings.rules'>;

/** A settings.rules answer for the built-in settings (version 0); override what the test is about. */
export function buildSettingsRules(overrides: Partial<SettingsRules> = {}): SettingsRules {
  return {
    version: 0,
    effectiveFrom: '1970-01-01T08:00:00+08:00',
    ...memberRulesOf(DEFAULT_PROGRAM_SETTINGS),
    ...overrides,
  };
}

/** A subscriptions.mine answer: every template, nothing accepted yet. */
export function buildSubscriptions(overrides: Partial<RouteResponse<'subscriptions.mine'>> = {}): RouteResponse<'subscriptions.mine'> {
  return {
    items: SUBSCRIPTION_TEMPLATE_KEYS.map((key) => ({
      template: key,
      templateId: `tmpl-${key}`,
      title: SUBSCRIPTION_TEMPLATES[key].title,
      purpose: SUBSCRIPTION_TEMPLATES[key].purpose,
      remaining: 0,
      status: 'none' as const,
      marketing: SUBSCRIPTION_TEMPLATES[key].marketing,
    })),
    marketingConsent: true,
    ...overrides,
  };
}

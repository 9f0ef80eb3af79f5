import { DEFAULT_PROGRAM_SETTINGS } from '../settings/settings.defaults.js';
import { buildSharePath, buildShareScene, countsForReferralReward, decideReferralBinding, parseShareScene, referralRewardPoints, referralRulesText, shareKindOf, type ReferralBindingFacts } from './referral.rules.js';

const now = new Date('2026-05-10T04:00:00.000Z');
const base: ReferralBindingFacts = {
  inviteeId: 'b',
  inviteeIsNew: true,
  inviteeEligible: true,
  sharerId: 'a',
  sharerReferrerId: null,
  sharedAt: new Date('2026-05-01T04:00:00.000Z'),
  now,
  windowDays: 30,
};

describe('decideReferralBinding', () => {
  it.each([
    ['a new member within the window binds', {}, { bind: true }],
    ['never to themselves', { inviteeId: 'a' }, { bind: false, reason: 'self' }],
    ['only genuinely new members', { inviteeIsNew: false }, { bind: false, reason: 'not_new' }],
    ['never an identity on the deletion fraud list', { inviteeEligible: false }, { bind: false, reason: 'fraud_list' }],
    ['no A↔B loop', { sharerReferrerId: 'b' }, { bind: false, reason: 'loop' }],
    ['exactly 30 days after the share still binds', { sharedAt: new Date('2026-04-10T04:00:00.000Z') }, { bind: true }],
    ['a moment after 30 days does not', { sharedAt: new Date('2026-04-10T03:59:59.000Z') }, { bind: false, reason: 'window_passed' }],
    ['the window is the settings\' one', { sharedAt: new Date('2026-04-10T03:59:59.000Z'), windowDays: 31 }, { bind: true }],
  ])('%s', (_name, overrides, expected) => {
    expect(decideReferralBinding({ ...base, ...overrides })).toEqual(expected);
  });
});

describe('share scenes and paths', () => {
  it('fit the 32-char scene and round-trip', () => {
    const scene = buildShareScene('hAbCdEf123456', 'K7M2PQRS');
    expect(scene.length).toBeLessThanOrEqual(32);
    expect(scene).toMatch(/^[0-9A-Za-z.]+$/);
    expect(parseShareScene(scene)).toEqual({ shareId: 'hAbCdEf123456', referralCode: 'K7M2PQRS' });
    expect(shareKindOf('hAbCdEf123456')).toBe('help');
  });

  it('refuses scenes that are not ours', () => {
    expect(parseShareScene('hello')).toBeNull();
    expect(parseShareScene('hAbCdEf123456.K7M2PQR0')).toBeNull();
    expect(parseShareScene('xAbCdEf123456.K7M2PQRS')).toBeNull();
  });

  it('builds the landing path', () => {
    expect(buildSharePath('wishlist', 'wAbCdEf123456', 'K7M2PQRS')).toBe('/pages/wishlist/friend/index?sid=wAbCdEf123456&ref=K7M2PQRS');
  });

  it('rewards the referrer rate (thousandths) per whole yuan', () => {
    expect(referralRewardPoints(12_345, 2000)).toBe(246);
    expect(referralRewardPoints(12_345, 1500)).toBe(184);
    expect(referralRewardPoints(99, 2000)).toBe(0);
  });

  it('states the rules from the settings in force', () => {
    const rules = referralRulesText({ ...DEFAULT_PROGRAM_SETTINGS.referral, windowDays: 14, rewardWindowDays: 45, referrerPointsPerYuanPermille: 1500, dailyRewardCap: 3 });
    expect(rules).toContain('分享后14天内注册有效；不能邀请自己，已注销后重新注册的账号不计入。');
    expect(rules.join('')).toContain('好友注册后45天内为自己完成首笔支付订单后，你可按该订单实付金额每1元获得1.5积分');
    expect(rules).toContain('每天最多获得3次邀请奖励。');
  });
});

describe('countsForReferralReward', () => {
  const boundAt = new Date('2026-05-10T04:00:00.000Z');
  it.each([
    ['an own purchase paid on the last day of the window', { paidFen: 1000, paidAt: new Date('2026-06-09T04:00:00.000Z'), gift: false }, true],
    ['an own purchase paid a second after the window', { paidFen: 1000, paidAt: new Date('2026-06-09T04:00:01.000Z'), gift: false }, false],
    ['a gift (for the sharer or anyone else)', { paidFen: 1000, paidAt: boundAt, gift: true }, false],
    ['a points-only order', { paidFen: 0, paidAt: boundAt, gift: false }, false],
  ])('%s', (_name, purchase, expected) => {
    expect(countsForReferralReward(purchase, boundAt, 30)).toBe(expected);
  });

  it('the reward window is the settings\' one', () => {
    expect(countsForReferralReward({ paidFen: 1000, paidAt: new Date('2026-06-09T04:00:01.000Z'), gift: false }, boundAt, 31)).toBe(true);
  });
});

import { DEFAULT_PROGRAM_SETTINGS } from './settings.defaults.js';
import { programSettingsSchema } from './settings.schema.js';
import { diffSettings, memberRulesOf, pointsExpiryText } from './settings.rules.js';

describe('program settings', () => {
  it('the plain defaults are what the schema gives for an empty object', () => {
    expect(programSettingsSchema.parse({})).toEqual(DEFAULT_PROGRAM_SETTINGS);
  });

  it('a version saved before a section existed reads whole, with that section at its default', () => {
    const old = { tiers: { goldFen: 60_000, diamondFen: 250_000 } };
    expect(programSettingsSchema.parse(old)).toEqual({ ...DEFAULT_PROGRAM_SETTINGS, tiers: { goldFen: 60_000, diamondFen: 250_000 } });
  });

  it.each([
    [{ tiers: { goldFen: 200_000, diamondFen: 200_000 } }, 'tiers.diamondFen'],
    [{ marketing: { ...DEFAULT_PROGRAM_SETTINGS.marketing, quietHours: { start: '25:00', end: '09:00' } } }, 'marketing.quietHours.start'],
    [{ points: { ...DEFAULT_PROGRAM_SETTINGS.points, lifetimeYears: 1.5 } }, 'points.lifetimeYears'],
    [{ segments: { ...DEFAULT_PROGRAM_SETTINGS.segments, lifecycle: { newForDays: 30, atRiskAfterDays: 200, lostAfterDays: 200 } } }, 'segments.lifecycle.lostAfterDays'],
    [{ segments: { ...DEFAULT_PROGRAM_SETTINGS.segments, rfm: { ...DEFAULT_PROGRAM_SETTINGS.segments.rfm, recencyDays: { score5: 30, score4: 20, score3: 90, score2: 180 } } } }, 'segments.rfm.recencyDays.score5'],
    [{ segments: { ...DEFAULT_PROGRAM_SETTINGS.segments, rfm: { ...DEFAULT_PROGRAM_SETTINGS.segments.rfm, frequency: { score5: 3, score4: 6, score3: 3, score2: 2 } } } }, 'segments.rfm.frequency.score5'],
  ])('refuses %j at %s', (input, path) => {
    const parsed = programSettingsSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  it('diffs the changed leaves only, by path, in a stable order', () => {
    const after = {
      ...DEFAULT_PROGRAM_SETTINGS,
      tiers: { goldFen: 60_000, diamondFen: 200_000 },
      help: { ...DEFAULT_PROGRAM_SETTINGS.help, goals: { basic: 6, gold: 4, diamond: 3 } },
    };
    expect(diffSettings(DEFAULT_PROGRAM_SETTINGS, after)).toEqual([
      { path: 'help.goals.basic', before: 5, after: 6 },
      { path: 'tiers.goldFen', before: 50_000, after: 60_000 },
    ]);
    expect(diffSettings(after, after)).toEqual([]);
  });
});

describe('the member-facing rules (settings.rules)', () => {
  it('per tier: threshold in yuan, points per yuan in and out of the birthday month, its multiple, the help goal', () => {
    expect(memberRulesOf(DEFAULT_PROGRAM_SETTINGS).tiers).toEqual([
      { level: 'basic', name: '普卡', minSpendYuan: 0, pointsPerYuan: 1, birthdayMonthPointsPerYuan: 1, birthdayMonthMultiple: null, helpGoal: 5 },
      { level: 'gold', name: '金卡', minSpendYuan: 500, pointsPerYuan: 1.5, birthdayMonthPointsPerYuan: 1.5, birthdayMonthMultiple: null, helpGoal: 4 },
      { level: 'diamond', name: '钻石卡', minSpendYuan: 2000, pointsPerYuan: 2, birthdayMonthPointsPerYuan: 4, birthdayMonthMultiple: 2, helpGoal: 3 },
    ]);
  });

  it('follows the settings it is given, and leaves the ops-only knobs out', () => {
    const changed = {
      ...DEFAULT_PROGRAM_SETTINGS,
      tiers: { goldFen: 60_050, diamondFen: 250_000 },
      points: { ...DEFAULT_PROGRAM_SETTINGS.points, lifetimeYears: 2 },
      birthday: { ...DEFAULT_PROGRAM_SETTINGS.birthday, minDaysSetBeforeBenefits: 45, maxCorrections: 2, correctionWindowDays: 14 },
      referral: { ...DEFAULT_PROGRAM_SETTINGS.referral, dailyRewardCap: 3 },
    };
    const rules = memberRulesOf(changed);
    expect(rules.tiers.map((tier) => tier.minSpendYuan)).toEqual([0, 600.5, 2500]);
    expect(rules.points).toEqual({ lifetimeYears: 2, expiry: '积分于获得后第2年的12月31日24时过期' });
    expect(rules.birthday.minDaysSetBeforeBenefits).toBe(45);
    expect(rules.birthday.rule).toContain('至少45天');
    expect(rules.birthday.correction).toEqual({
      windowDays: 14,
      maxCorrections: 2,
      blackoutDays: 30,
      rules: [
        '生日设置后14天内可以修改2次，之后生日锁定，如需修改请联系客服',
        '生日前30天内不能修改，也不能改到30天内的日期',
        '本生日年已领取过生日礼的，不能再修改生日；已领取的生日礼不会收回',
        '改后的生日距今不足45天的，当年的生日礼遇从下一个生日起享受',
      ],
    });
    expect(memberRulesOf({ ...changed, birthday: { ...changed.birthday, maxCorrections: 0 } }).birthday.correction.rules).toEqual(['生日设置后不能自行修改，如填错请联系客服']);
    expect(rules.referral).toMatchObject({ windowDays: 30, rewardWindowDays: 30, referrerPointsPerYuan: 2, dailyRewardCap: 3 });
    expect(rules.messages).toEqual({ weeklyCap: 2, quietHours: { start: '21:00', end: '09:00' }, rule: '营销消息每周最多2条，21:00至次日09:00不打扰' });
    expect(JSON.stringify(rules)).not.toMatch(/pointsAdjustment|pushApproval|silent|TemplateCode/);
  });

  it('states quiet hours that stay within a day without 次日', () => {
    const early = { ...DEFAULT_PROGRAM_SETTINGS.marketing, quietHours: { start: '01:00', end: '06:00' } };
    expect(memberRulesOf({ ...DEFAULT_PROGRAM_SETTINGS, marketing: early }).messages.rule).toBe('营销消息每周最多2条，01:00至06:00不打扰');
  });

  it('states how tiers move and the mall’s rules, with the payment window the orders keep', () => {
    const rules = memberRulesOf(DEFAULT_PROGRAM_SETTINGS);
    expect(rules.tierRules.join('')).toContain('下调一级');
    expect(rules.mall.rules).toContain('需付现金的订单请在15分钟内支付，超时自动取消，已扣积分原路退回');
    expect(rules.mall.rules).toContain('优惠券：兑换后优惠券自动放入“我的券”');
  });

  it('states the expiry for every lifetime', () => {
    expect([pointsExpiryText(0), pointsExpiryText(1)]).toEqual(['积分于获得当年12月31日24时过期', '积分于获得次年12月31日24时过期']);
  });
});

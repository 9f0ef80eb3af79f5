import { emptyKpiInputs, formatKpi, kpiMet, kpiSample, kpiValue } from './kpis.rules.js';

describe('kpiValue', () => {
  const inputs = { ...emptyKpiInputs(), birthdayReach: 400, birthdayClaim: 90, birthdayUse: 45, promoters: 60, passives: 25, detractors: 15, messagesSent: 650, messagesFailed: 50, messagesSkipped: 300 };

  it('computes the measured KPIs from the rollup inputs', () => {
    expect(kpiValue('birthdayParticipation', inputs)).toBe(225);
    expect(kpiValue('benefitRedemption', inputs)).toBe(500);
    expect(kpiValue('messageReach', inputs)).toBe(650);
    expect(kpiValue('nps', inputs)).toBe(45);
  });

  it('is null without a denominator (a campaign that cost nothing has no ROI)', () => {
    expect(kpiValue('birthdayParticipation', emptyKpiInputs())).toBeNull();
    expect(kpiValue('nps', emptyKpiInputs())).toBeNull();
    expect(kpiValue('campaignRoi', inputs)).toBeNull();
    expect(kpiValue('birthdayRetentionLift', { ...emptyKpiInputs(), retentionBirthdayBase: 10, retentionBirthdayRetained: 5 })).toBeNull();
  });

  it('computes the GMV share, retention lift, completion, repurchase and ROI from their inputs', () => {
    const more = {
      ...emptyKpiInputs(),
      gmvFen: 1_000_000,
      orders: 80,
      birthdayGmvFen: 45_000,
      retentionBirthdayBase: 40,
      retentionBirthdayRetained: 18,
      retentionOtherBase: 200,
      retentionOtherRetained: 60,
      claimsStarted: 50,
      claimsCompleted: 49,
      buyers: 60,
      repeatBuyers: 15,
      campaignGmvFen: 30_000,
      campaignCostFen: 10_000,
      campaignCostEvents: 120,
    };
    expect(kpiValue('birthdayGmvShare', more)).toBe(45);
    // 45% of birthday member-months retained against 30% of the others: +15 points.
    expect(kpiValue('birthdayRetentionLift', more)).toBe(15);
    expect(kpiSample('birthdayRetentionLift', more)).toBe(40);
    expect(kpiValue('birthdayBenefitCompletion', more)).toBe(980);
    expect(kpiValue('repurchase', more)).toBe(250);
    // (30,000 − 10,000) / 10,000 = 200%.
    expect(kpiValue('campaignRoi', more)).toBe(2000);
    expect(kpiValue('campaignRoi', { ...more, campaignGmvFen: 5_000 })).toBe(-500);
    // Completions of claims started before the range never make it more than whole.
    expect(kpiValue('birthdayBenefitCompletion', { ...more, claimsCompleted: 55 })).toBe(1000);
    expect(kpiValue('birthdayRetentionLift', { ...more, retentionBirthdayRetained: 10 })).toBe(-5);
    expect(formatKpi('birthdayRetentionLift', 15)).toBe('+15.0 个百分点');
  });

  it('judges a value against its floor and formats it', () => {
    expect(kpiMet(225, 250)).toBe(false);
    expect(kpiMet(45, 45)).toBe(true);
    expect(kpiMet(null, 45)).toBeNull();
    expect(formatKpi('birthdayParticipation', 225)).toBe('22.5%');
    expect(formatKpi('nps', 45)).toBe('45.0');
    expect(formatKpi('birthdayRetentionLift', null)).toBe('—');
  });
});

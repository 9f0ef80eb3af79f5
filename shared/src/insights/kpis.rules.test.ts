import { emptyKpiInputs, formatKpi, kpiMet, kpiValue } from './kpis.rules.js';

describe('kpiValue', () => {
  const inputs = { ...emptyKpiInputs(), birthdayReach: 400, birthdayClaim: 90, birthdayUse: 45, promoters: 60, passives: 25, detractors: 15, messagesSent: 650, messagesFailed: 50, messagesSkipped: 300 };

  it('computes the measured KPIs from the rollup inputs', () => {
    expect(kpiValue('birthdayParticipation', inputs)).toBe(225);
    expect(kpiValue('benefitRedemption', inputs)).toBe(500);
    expect(kpiValue('messageReach', inputs)).toBe(650);
    expect(kpiValue('nps', inputs)).toBe(45);
  });

  it('is null without a denominator or for a KPI the rollups do not measure', () => {
    expect(kpiValue('birthdayParticipation', emptyKpiInputs())).toBeNull();
    expect(kpiValue('nps', emptyKpiInputs())).toBeNull();
    expect(kpiValue('campaignRoi', inputs)).toBeNull();
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

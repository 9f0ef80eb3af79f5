import type { EarnRates, TierThresholds } from '@cakeday/shared';
import type { Config } from '../config/config';

const permille = (multiplier: number): number => Math.round(multiplier * 1000);

export function earnRatesFrom(config: Config): EarnRates {
  return {
    tierMultiplierPermille: {
      basic: permille(config.POINTS_MULTIPLIER_BASIC),
      gold: permille(config.POINTS_MULTIPLIER_GOLD),
      diamond: permille(config.POINTS_MULTIPLIER_DIAMOND),
    },
    birthdayMonthMultiplierPermille: permille(config.POINTS_MULTIPLIER_BIRTHDAY_MONTH),
  };
}

export function tierThresholdsFrom(config: Config): TierThresholds {
  return { goldFen: config.TIER_GOLD_MIN_SPEND_FEN, diamondFen: config.TIER_DIAMOND_MIN_SPEND_FEN };
}

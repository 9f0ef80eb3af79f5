import type { SettingsSnapshot, SettingsSource } from '../settings/settingsSource';
import type { Referral } from './Referral.model';

/** The settings a referral command reads: those in force (the daily cap, new bindings) and any referral's own version. */
export interface ReferralSettingsContext {
  settings: SettingsSnapshot;
  settingsSource: Pick<SettingsSource, 'version'>;
}

/** The settings a referral was bound under (its reward window, the referrer's rate, the welcome coupon). */
export async function settingsOfReferral(referral: Pick<Referral, 'settingsVersion'>, context: ReferralSettingsContext): Promise<SettingsSnapshot> {
  const version = referral.settingsVersion;
  if (version === undefined || version === null || version === context.settings.version) return context.settings;
  return context.settingsSource.version(version);
}

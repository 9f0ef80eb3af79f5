import { memberRulesOf, toBusinessIso, type SettingsRulesResponse } from '@cakeday/shared';
import type { SettingsSnapshot } from './settingsSource';

/** settings.rules: the 会员规则 page from one snapshot, with the version it comes from. */
export function presentMemberRules(snapshot: SettingsSnapshot): SettingsRulesResponse {
  return { version: snapshot.version, effectiveFrom: toBusinessIso(snapshot.effectiveFrom), ...memberRulesOf(snapshot.settings) };
}

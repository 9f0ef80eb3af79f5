import { toBusinessIso, type SettingsVersion } from '@cakeday/shared';
import type { SettingsVersionDoc } from './SettingsVersion.model';
import { snapshotOf, type SettingsSnapshot } from './settingsSource';

export function presentSettingsVersion(snapshot: SettingsSnapshot, doc?: SettingsVersionDoc | null): SettingsVersion {
  return {
    version: snapshot.version,
    effectiveFrom: toBusinessIso(snapshot.effectiveFrom),
    settings: snapshot.settings,
    createdAt: doc ? toBusinessIso(doc.createdAt) : null,
    createdBy: doc?.createdBy ?? null,
    reason: doc?.reason ?? null,
  };
}

export const presentSettingsDoc = (doc: SettingsVersionDoc): SettingsVersion => presentSettingsVersion(snapshotOf(doc), doc);

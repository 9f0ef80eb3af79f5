import { DEFAULT_PROGRAM_SETTINGS, defineOpsAbility, type ProgramSettings } from '@cakeday/shared';
import type { AppDeps } from '../http/deps';
import { saveSettings } from '../settings/saveSettings';
import type { SettingsSnapshot } from '../settings/settingsSource';
import { SettingsVersionModel } from '../settings/SettingsVersion.model';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
export type SettingsChange = DeepPartial<ProgramSettings>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function merge<T>(base: T, change: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(change)) return (change === undefined ? base : change) as T;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(change)) merged[key] = merge(base[key], value);
  return merged as T;
}

/** Program settings: the given ones (the defaults unless told) with some leaves changed. */
export function settingsWith(change: SettingsChange, base: ProgramSettings = DEFAULT_PROGRAM_SETTINGS): ProgramSettings {
  return merge(base, change);
}

/** A snapshot saved nowhere, for a command called directly with the settings it reads. */
export function settingsSnapshotWith(change: SettingsChange, version = 0): SettingsSnapshot {
  return { version, effectiveFrom: new Date(0), settings: settingsWith(change) };
}

/**
 * Saves a new program settings version on top of the latest one through the real, audited saveSettings (as a
 * system actor), in force from `from` (default: the app's now), and makes the app read it at once. Tests that used
 * to set a business rule in testConfig set it here: the rules are settings, not configuration.
 */
export async function saveTestSettings(deps: Pick<AppDeps, 'now' | 'settings'>, change: SettingsChange, options: { from?: Date } = {}): Promise<SettingsSnapshot> {
  const latest = await SettingsVersionModel.findOne({}, { _id: 1 }).sort({ _id: -1 }).lean();
  const basedOnVersion = latest?._id ?? 0;
  const base = await deps.settings.version(basedOnVersion);
  const at = options.from ?? deps.now();
  const saved = await saveSettings(
    {
      ability: defineOpsAbility({ id: 'test', roles: ['admin'], storeId: null }),
      basedOnVersion,
      reason: '测试设置',
      settings: settingsWith(change, base.settings),
      operator: { id: 'test', displayName: '测试' },
    },
    { actor: { type: 'system', id: 'test', name: 'test', roles: [] }, requestId: null, ip: null, now: at },
    deps.settings,
  );
  return deps.settings.version(saved._id);
}

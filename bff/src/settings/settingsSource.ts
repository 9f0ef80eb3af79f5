import { DEFAULT_PROGRAM_SETTINGS, programSettingsSchema, type ProgramSettings } from '@cakeday/shared';
import { SettingsVersionModel, type SettingsVersionDoc } from './SettingsVersion.model';

/** The rules a command works by, and which version they are: orders and ledger entries record `version`. */
export interface SettingsSnapshot {
  version: number;
  effectiveFrom: Date;
  settings: ProgramSettings;
}

/**
 * Reads program settings the way commands read `now`: `at(now)` is the version in force at that instant and
 * `version(n)` a given one (an order placed under version 3 earns by version 3). Versions never change once
 * saved, so each is cached for good; which version is in force is cached for a few seconds per instance.
 */
export interface SettingsSource {
  at(now: Date): Promise<SettingsSnapshot>;
  version(version: number): Promise<SettingsSnapshot>;
  /** Forget which version is in force (after this instance saved one). */
  invalidate(): void;
}

export const DEFAULT_SETTINGS_SNAPSHOT: SettingsSnapshot = { version: 0, effectiveFrom: new Date(0), settings: DEFAULT_PROGRAM_SETTINGS };

const CURRENT_TTL_MS = 5_000;

export function snapshotOf(doc: Pick<SettingsVersionDoc, '_id' | 'effectiveFrom' | 'settings'>): SettingsSnapshot {
  return { version: doc._id, effectiveFrom: doc.effectiveFrom, settings: programSettingsSchema.parse(doc.settings) };
}

export function createSettingsSource(clock: () => number = Date.now): SettingsSource {
  const versions = new Map<number, SettingsSnapshot>([[0, DEFAULT_SETTINGS_SNAPSHOT]]);
  // The newest versions by effectiveFrom, with when they were read; `at(now)` picks among them.
  let recent: { readAt: number; snapshots: SettingsSnapshot[] } | undefined;

  const loadRecent = async (): Promise<SettingsSnapshot[]> => {
    if (recent && clock() - recent.readAt < CURRENT_TTL_MS) return recent.snapshots;
    // Few versions exist (a handful a month); the newest 20 cover any scheduled ones and the one in force.
    const docs = await SettingsVersionModel.find({}).sort({ _id: -1 }).limit(20).lean();
    const snapshots = docs.map((doc) => versions.get(doc._id) ?? snapshotOf(doc));
    for (const snapshot of snapshots) versions.set(snapshot.version, snapshot);
    recent = { readAt: clock(), snapshots };
    return snapshots;
  };

  return {
    async at(now) {
      const snapshots = await loadRecent();
      const inForce = snapshots.find((snapshot) => snapshot.effectiveFrom <= now);
      if (inForce) return inForce;
      // Every recent version is scheduled ahead of `now`: the one in force is older.
      const older = await SettingsVersionModel.findOne({ effectiveFrom: { $lte: now } }).sort({ _id: -1 }).lean();
      return older ? (versions.get(older._id) ?? snapshotOf(older)) : DEFAULT_SETTINGS_SNAPSHOT;
    },
    async version(version) {
      const cached = versions.get(version);
      if (cached) return cached;
      const doc = await SettingsVersionModel.findById(version).lean();
      if (!doc) throw new Error(`settings version ${version} does not exist`);
      const snapshot = snapshotOf(doc);
      versions.set(version, snapshot);
      return snapshot;
    },
    invalidate() {
      recent = undefined;
    },
  };
}

/** One instant and the settings in force at it: how a handler or a job run starts when it works by the rules. */
export async function settingsAt(deps: { now: () => Date; settings: SettingsSource }): Promise<{ now: Date; settings: SettingsSnapshot }> {
  const now = deps.now();
  return { now, settings: await deps.settings.at(now) };
}

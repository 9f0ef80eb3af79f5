import { DEFAULT_PROGRAM_SETTINGS } from '@cakeday/shared';
import mongoose from 'mongoose';
import { useTestDatabase } from '../test/database';
import { settingsWith } from '../test/settings';
import { SettingsVersionModel } from './SettingsVersion.model';
import { createSettingsSource } from './settingsSource';

useTestDatabase();
beforeEach(async () => {
  await SettingsVersionModel.deleteMany({});
});

const now = new Date('2026-06-01T02:00:00.000Z');
const days = (count: number) => count * 86_400_000;

/** How many operations mongoose sends to settings_versions while `work` runs. */
async function settingsReadsDuring(work: () => Promise<unknown>): Promise<number> {
  let reads = 0;
  mongoose.set('debug', (collection: string) => {
    if (collection === 'settings_versions') reads += 1;
  });
  try {
    await work();
  } finally {
    mongoose.set('debug', false);
  }
  return reads;
}

async function saveVersion(version: number, effectiveFrom: Date, goldFen: number): Promise<void> {
  await SettingsVersionModel.create({
    _id: version,
    effectiveFrom,
    settings: settingsWith({ tiers: { goldFen } }),
    createdAt: new Date(effectiveFrom.getTime() - days(1)),
    createdBy: { id: 'system', displayName: 'test' },
    reason: 'test',
    auditSeq: version,
  });
}

describe('the settings source (read on every request that works by the rules)', () => {
  it('with no version saved, answers the defaults from its cache: one read per cache period, not one per call', async () => {
    const source = createSettingsSource(() => 0); // a clock that never moves: the cache never expires
    const reads = await settingsReadsDuring(async () => {
      for (let call = 0; call < 5; call += 1) expect((await source.at(now)).version).toBe(0);
    });
    expect(reads).toBe(1);
  });

  it('with only versions scheduled ahead, answers the defaults until the first one starts', async () => {
    await saveVersion(1, new Date(now.getTime() + days(1)), 60_000);
    const source = createSettingsSource(() => 0);
    const reads = await settingsReadsDuring(async () => {
      expect((await source.at(now)).settings.tiers.goldFen).toBe(DEFAULT_PROGRAM_SETTINGS.tiers.goldFen);
      expect((await source.at(now)).version).toBe(0);
    });
    expect(reads).toBe(1);
    expect((await source.at(new Date(now.getTime() + days(2)))).version).toBe(1);
  });

  it('finds the version in force behind more scheduled versions than it reads at once', async () => {
    await saveVersion(1, new Date(now.getTime() - days(1)), 55_000);
    for (let version = 2; version <= 22; version += 1) await saveVersion(version, new Date(now.getTime() + days(version)), 60_000 + version);
    const inForce = await createSettingsSource(() => 0).at(now);
    expect(inForce.version).toBe(1);
    expect(inForce.settings.tiers.goldFen).toBe(55_000);
  });
});

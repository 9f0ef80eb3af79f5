import { DEFAULT_PROGRAM_SETTINGS } from './settings.defaults.js';
import { programSettingsSchema } from './settings.schema.js';
import { diffSettings } from './settings.rules.js';

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

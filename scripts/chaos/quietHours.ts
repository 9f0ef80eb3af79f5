import { DEFAULT_PROGRAM_SETTINGS, inQuietHours, programSettingsSchema } from '@cakeday/shared';
import { SettingsVersionModel } from '../../bff/src/settings/SettingsVersion.model';

/** Past the run and its catch-up (an hour ahead) with room to spare. */
const RUN_SPAN_MS = 3 * 60 * 60_000;

/**
 * A chaos run inside marketing quiet hours (21:00–09:00 Shanghai by default) would only defer the campaign's messages:
 * then the run saves a settings version without quiet hours (start = end), in force from the start, so that the
 * campaign is dispatched under the kills whatever the hour.
 */
export async function keepQuietHoursAway(now: Date, log: (line: string) => void): Promise<void> {
  const latest = await SettingsVersionModel.findOne({ effectiveFrom: { $lte: now } }).sort({ _id: -1 }).lean();
  const current = latest ? programSettingsSchema.parse(latest.settings) : DEFAULT_PROGRAM_SETTINGS;
  const quiet = current.marketing.quietHours;
  const touched = Array.from({ length: 13 }, (_, step) => new Date(now.getTime() + (RUN_SPAN_MS * step) / 12)).some((instant) => inQuietHours(instant, quiet));
  if (!touched) return;
  const newest = await SettingsVersionModel.findOne({}).sort({ _id: -1 }).lean();
  const settings = programSettingsSchema.parse({ ...current, marketing: { ...current.marketing, quietHours: { start: '00:00', end: '00:00' } } });
  await SettingsVersionModel.create({
    _id: (newest?._id ?? 0) + 1,
    effectiveFrom: new Date(now.getTime() - 60_000),
    settings,
    createdAt: now,
    createdBy: { id: 'chaos', displayName: '混沌测试' },
    reason: 'chaos run inside quiet hours',
    auditSeq: 0,
  });
  log('chaos: the run falls in marketing quiet hours: saved settings without them, so that the campaign is dispatched');
}

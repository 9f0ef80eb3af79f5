import { diffSettings, type OpsAbility, type ProgramSettings } from '@cakeday/shared';
import { audited, type AuditContext } from '../audit/audited';
import { registerAuditSubject } from '../audit/auditOutcomes';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { conflict, forbidden, validationFailed } from '../errors/AppError';
import type { SettingsSource } from './settingsSource';
import { SettingsVersionModel, type SettingsVersionDoc } from './SettingsVersion.model';

registerAuditSubject('Settings', async (entry) => ((await SettingsVersionModel.exists({ auditSeq: entry._id })) ? 'applied' : 'failed'));

export interface SaveSettingsInput {
  /** Who saves: the sections they change must be theirs to change (ops may not touch `operations`). */
  ability: OpsAbility;
  basedOnVersion: number;
  effectiveFrom?: Date;
  reason: string;
  settings: ProgramSettings;
  operator: { id: string; displayName: string };
}

async function latestVersion(): Promise<number> {
  const latest = await SettingsVersionModel.findOne({}, { _id: 1 }).sort({ _id: -1 }).lean();
  return latest?._id ?? 0;
}

/** The changed leaves as two objects keyed by path, for the audit entry's before and after. */
function changesOf(before: ProgramSettings, after: ProgramSettings): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const changes = diffSettings(before, after);
  return {
    before: Object.fromEntries(changes.map((change) => [change.path, change.before])),
    after: Object.fromEntries(changes.map((change) => [change.path, change.after])),
  };
}

/**
 * Saves a new version on top of the latest one (anything else is a stale edit: 409 STALE_VERSION), effective now or
 * at a later instant. The unique version number makes two saves on the same base impossible even when they race.
 */
export async function saveSettings(input: SaveSettingsInput, audit: AuditContext, source: SettingsSource): Promise<SettingsVersionDoc> {
  const latest = await latestVersion();
  if (input.basedOnVersion !== latest) throw conflict('STALE_VERSION');
  const effectiveFrom = input.effectiveFrom ?? audit.now;
  if (effectiveFrom.getTime() < audit.now.getTime() - 60_000) {
    throw validationFailed([{ path: 'effectiveFrom', message: '生效时间不能早于现在' }]);
  }
  const base = await source.version(latest);
  const sections = new Set(diffSettings(base.settings, input.settings).map((change) => change.path.split('.')[0] ?? ''));
  if ([...sections].some((section) => !input.ability.can('update', 'Settings', section))) throw forbidden();
  const version = latest + 1;
  const saved = await audited(
    audit,
    { action: 'ops.settings.update', subject: { type: 'Settings', id: String(version) }, ...changesOf(base.settings, input.settings), reason: input.reason },
    async (entry) => {
      try {
        const created = await SettingsVersionModel.create({
          _id: version,
          effectiveFrom,
          settings: input.settings,
          createdAt: audit.now,
          createdBy: input.operator,
          reason: input.reason,
          auditSeq: entry._id,
        });
        return created.toObject();
      } catch (error) {
        if (isDuplicateKeyError(error)) throw conflict('STALE_VERSION');
        throw error;
      }
    },
  );
  source.invalidate();
  return saved;
}

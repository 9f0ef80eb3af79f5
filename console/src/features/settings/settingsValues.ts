import { formatFen, type ProgramSettings } from '@cakeday/shared';
import { fenToYuan, yuanToFen } from '../../format/money';
import { SETTINGS_SECTIONS, type SettingsField } from './settingsFields';

/** The form's values: the settings' shape, each leaf in the unit operators read (yuan, 积分/元). */
export type SettingsFormValues = Record<string, unknown>;

function read(source: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), source);
}

function write(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node = target;
  for (const key of keys) {
    const next = node[key];
    node = (node[key] = typeof next === 'object' && next !== null ? { ...(next as Record<string, unknown>) } : {}) as Record<string, unknown>;
  }
  node[last] = value;
}

const PERMILLE = 1000;

function toDisplay(field: SettingsField, stored: unknown): unknown {
  if (typeof stored !== 'number') return stored;
  if (field.kind === 'yuan') return fenToYuan(stored);
  if (field.kind === 'rate') return stored / PERMILLE;
  return stored;
}

function toStored(field: SettingsField, shown: unknown): unknown {
  if (typeof shown !== 'number') return shown;
  if (field.kind === 'yuan') return yuanToFen(shown);
  if (field.kind === 'rate') return Math.round(shown * PERMILLE);
  return shown;
}

export function toFormValues(settings: ProgramSettings): SettingsFormValues {
  const values: SettingsFormValues = {};
  for (const field of SETTINGS_SECTIONS.flatMap((section) => section.fields)) write(values, field.path, toDisplay(field, read(settings, field.path)));
  return values;
}

/** The settings to save: the base with every field of the form written back in stored units (fen, thousandths). */
export function fromFormValues(values: SettingsFormValues, base: ProgramSettings): ProgramSettings {
  const settings = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  for (const field of SETTINGS_SECTIONS.flatMap((section) => section.fields)) {
    const shown = read(values, field.path);
    if (shown !== undefined) write(settings, field.path, toStored(field, shown));
  }
  return settings as unknown as ProgramSettings;
}

/** A stored value as operators read it: ¥500, 1.5 积分/元, 30 天. */
export function formatSettingValue(field: SettingsField | undefined, stored: unknown): string {
  if (stored === null || stored === undefined) return '—';
  // Who is on duty is the operators list's business: the diff and history say how many.
  if (Array.isArray(stored)) return `${stored.length} ${field?.unit ?? '项'}`;
  if (!field || typeof stored !== 'number') return String(stored);
  if (field.kind === 'yuan') return formatFen(stored);
  if (field.kind === 'rate') return `${stored / PERMILLE} 积分/元`;
  return field.unit ? `${stored} ${field.unit}` : String(stored);
}

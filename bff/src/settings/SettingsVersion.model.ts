import { model, Schema } from 'mongoose';

/**
 * One saved version of the program settings. `_id` is the version number: saving takes `basedOn + 1`, and the
 * unique `_id` refuses a second save on the same base (a stale edit). Versions are never edited or deleted.
 */
export interface SettingsVersionDoc {
  _id: number;
  effectiveFrom: Date;
  /** As validated by programSettingsSchema when saved; parsed again on read (new sections get their defaults). */
  settings: object;
  createdAt: Date;
  createdBy: { id: string; displayName: string };
  reason: string;
  auditSeq: number;
}

const settingsVersionSchema = new Schema<SettingsVersionDoc>(
  {
    _id: { type: Number, required: true },
    effectiveFrom: { type: Date, required: true },
    settings: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: Schema.Types.Mixed, required: true },
    reason: { type: String, required: true },
    auditSeq: { type: Number, required: true },
  },
  { collection: 'settings_versions', versionKey: false, minimize: false },
);
settingsVersionSchema.index({ effectiveFrom: 1 });

export const SettingsVersionModel = model<SettingsVersionDoc>('SettingsVersion', settingsVersionSchema);

import { model, Schema } from 'mongoose';

/** A data migration that ran to the end on this database (by name). */
export interface Migration {
  _id: string;
  appliedAt: Date;
  summary: string;
}

const migrationSchema = new Schema<Migration>(
  { _id: { type: String, required: true }, appliedAt: { type: Date, required: true }, summary: { type: String, default: '' } },
  { collection: 'migrations', versionKey: false },
);

export const MigrationModel = model<Migration>('Migration', migrationSchema);

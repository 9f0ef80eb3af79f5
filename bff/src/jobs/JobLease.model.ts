import { model, Schema } from 'mongoose';

/** One document per job: whoever holds an unexpired lease runs it; everyone else skips that tick. */
export interface JobLease {
  _id: string;
  holder: string | null;
  leasedUntil: Date;
  lastRunAt: Date | null;
  lastResult: string | null;
}

const jobLeaseSchema = new Schema<JobLease>(
  {
    _id: { type: String, required: true },
    holder: { type: String, default: null },
    leasedUntil: { type: Date, required: true },
    lastRunAt: { type: Date, default: null },
    lastResult: { type: String, default: null },
  },
  { collection: 'job_leases', versionKey: false },
);

export const JobLeaseModel = model<JobLease>('JobLease', jobLeaseSchema);

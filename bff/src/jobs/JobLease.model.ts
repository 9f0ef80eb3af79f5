import { model, Schema } from 'mongoose';

/**
 * One document per job. A run needs the job to be due (`nextRunAt` reached) and no live lease (`leasedUntil`
 * passed); releasing sets the next due time, so a job runs at most once per interval across all instances.
 */
export interface JobLease {
  _id: string;
  holder: string | null;
  leasedUntil: Date;
  /** Unset on leases written before due times existed: such a job is due. */
  nextRunAt: Date | null;
  lastRunAt: Date | null;
  lastResult: string | null;
  /** Runs that failed in a row; a failed run is retried sooner than its interval, backing off. */
  failedRuns: number;
}

const jobLeaseSchema = new Schema<JobLease>(
  {
    _id: { type: String, required: true },
    holder: { type: String, default: null },
    leasedUntil: { type: Date, required: true },
    nextRunAt: { type: Date, default: null },
    lastRunAt: { type: Date, default: null },
    lastResult: { type: String, default: null },
    failedRuns: { type: Number, default: 0 },
  },
  { collection: 'job_leases', versionKey: false },
);

export const JobLeaseModel = model<JobLease>('JobLease', jobLeaseSchema);

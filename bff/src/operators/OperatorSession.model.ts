import { model, Schema, type Types } from 'mongoose';

/**
 * A signed-in console session. The cookie carries a random token; only its SHA-256 is stored (`_id`), so a read
 * of this collection does not hand out sessions.
 */
export interface OperatorSession {
  _id: string;
  operatorId: Types.ObjectId;
  createdAt: Date;
  lastSeenAt: Date;
  /** Absolute end, whatever the activity. */
  expiresAt: Date;
  revokedAt: Date | null;
  ip: string | null;
  userAgent: string | null;
}

const operatorSessionSchema = new Schema<OperatorSession>(
  {
    _id: { type: String, required: true },
    operatorId: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
    ip: { type: String, default: null },
    userAgent: { type: String, default: null },
  },
  { collection: 'operator_sessions', versionKey: false },
);
operatorSessionSchema.index({ operatorId: 1 });
operatorSessionSchema.index({ expiresAt: 1 });

export const OperatorSessionModel = model<OperatorSession>('OperatorSession', operatorSessionSchema);

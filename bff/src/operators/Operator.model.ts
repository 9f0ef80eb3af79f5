import { model, Schema, type Types } from 'mongoose';
import { OPERATOR_ROLES, type OperatorRole } from '@cakeday/shared';

/** A person of the brand who runs Cakeday; never a member, never a WeChat identity. */
export interface Operator {
  _id: Types.ObjectId;
  /** Lower-case, unique. */
  loginName: string;
  displayName: string;
  roles: OperatorRole[];
  /** The store a store manager runs. */
  storeId: Types.ObjectId | null;
  /** scrypt, self-describing (see passwords.ts); never the password. */
  passwordHash: string;
  /** Set by a one-time password (creation, reset): only the operator's own session routes work until changed. */
  mustChangePassword: boolean;
  totp: { secretEncrypted: string | null; enabled: boolean; lastUsedStep: number };
  status: 'active' | 'disabled';
  /** Consecutive failed logins, and until when the account refuses every login after too many. */
  failedLogins: number;
  lockedUntil: Date | null;
  /** Made by `npm run dev`'s seed with a documented password: production refuses to log them in. */
  devSeeded: boolean;
  lastLoginAt: Date | null;
  /** Optimistic version: every edit names it and bumps it. */
  version: number;
  /** The audit entries of the last changes (audited.ts): how a crashed change's outcome is established. */
  auditSeqs: number[];
  createdAt: Date;
  updatedAt: Date;
}

const operatorSchema = new Schema<Operator>(
  {
    loginName: { type: String, required: true },
    displayName: { type: String, required: true },
    roles: { type: [String], enum: OPERATOR_ROLES, required: true },
    storeId: { type: Schema.Types.ObjectId, default: null },
    passwordHash: { type: String, required: true },
    mustChangePassword: { type: Boolean, default: true },
    totp: {
      type: new Schema({ secretEncrypted: { type: String, default: null }, enabled: { type: Boolean, default: false }, lastUsedStep: { type: Number, default: 0 } }, { _id: false }),
      default: () => ({ secretEncrypted: null, enabled: false, lastUsedStep: 0 }),
    },
    status: { type: String, enum: ['active', 'disabled'], default: 'active' },
    failedLogins: { type: Number, default: 0 },
    lockedUntil: { type: Date, default: null },
    devSeeded: { type: Boolean, default: false },
    lastLoginAt: { type: Date, default: null },
    version: { type: Number, default: 0 },
    auditSeqs: { type: [Number], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'operators', versionKey: false },
);
operatorSchema.index({ loginName: 1 }, { unique: true });

export const OperatorModel = model<Operator>('Operator', operatorSchema);

import { Schema } from 'mongoose';

/**
 * WeChat's image check of an uploaded avatar (mediaCheckAsync, its verdict pushed later as wxa_media_check and
 * matched by trace_id, as community photos are). Others see the avatar only once it passed; the member sees it at
 * once. unsent: not asked yet; requested: asked, no verdict; failed: WeChat could not be asked. `risky` never stays:
 * the file is deleted and the member falls back to the default face.
 */
export interface AvatarCheck {
  /** The avatar file's id (its address is /media/avatars/<id>). */
  avatarId: string;
  state: 'unsent' | 'requested' | 'failed' | 'pass' | 'review';
  traceId: string | null;
  label: number | null;
  requestedAt: Date;
  verdictAt: Date | null;
}

export const avatarCheckSchema = new Schema<AvatarCheck>(
  {
    avatarId: { type: String, required: true },
    state: { type: String, enum: ['unsent', 'requested', 'failed', 'pass', 'review'], required: true },
    traceId: { type: String, default: null },
    label: { type: Number, default: null },
    requestedAt: { type: Date, required: true },
    verdictAt: { type: Date, default: null },
  },
  { _id: false },
);

import { model, Schema } from 'mongoose';

/**
 * The one access-token cache every BFF instance shares, one document per appid (_id). Whoever holds the
 * lease (leaseOwner until leaseUntil) asks WeChat; the others wait for its result. Force refreshes are
 * counted here because WeChat allows 20 a day, 30 s apart, for the whole app.
 */
export interface WechatAccessToken {
  _id: string;
  token?: string;
  expiresAt?: Date;
  /** When to fetch again: before WeChat starts rotating (its last 5 minutes). */
  refreshAfter?: Date;
  leaseOwner?: string;
  leaseUntil?: Date;
  forceDay?: string;
  forceCount?: number;
  lastForcedAt?: Date;
  updatedAt?: Date;
}

const wechatAccessTokenSchema = new Schema<WechatAccessToken>(
  {
    _id: { type: String, required: true },
    token: String,
    expiresAt: Date,
    refreshAfter: Date,
    leaseOwner: String,
    leaseUntil: Date,
    forceDay: String,
    forceCount: Number,
    lastForcedAt: Date,
    updatedAt: Date,
  },
  { collection: 'wechat_access_tokens', versionKey: false },
);

export const WechatAccessTokenModel = model<WechatAccessToken>('WechatAccessToken', wechatAccessTokenSchema);

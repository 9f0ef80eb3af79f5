import { isSmsOptOut } from '@cakeday/shared';
import type { Types } from 'mongoose';
import { z } from 'zod';
import type { Config } from '../config/config';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { MemberModel } from '../members/Member.model';
import { keyedHash } from '../members/personalDataCrypto';
import { SmsReceiptModel } from './SmsReceipt.model';
import { SmsReplyModel } from './SmsReply.model';
import { withdrawSmsConsentByReply } from './withdrawSmsConsent';

/** 状态回执: an array of receipts, one per message (a post may carry several). */
export const smsStatusCallback = z.array(
  z.object({
    user_receive_time: z.string(),
    nationcode: z.string(),
    mobile: z.string(),
    report_status: z.enum(['SUCCESS', 'FAIL']),
    errmsg: z.string(),
    description: z.string().optional(),
    sid: z.string().min(1),
  }),
);

/** 上行回复: one reply. */
export const smsReplyCallback = z.object({
  extend: z.string().optional(),
  mobile: z.string().min(1),
  nationcode: z.string(),
  sign: z.string(),
  text: z.string(),
  time: z.number().int(),
});

type HashConfig = Pick<Config, 'DATA_HASH_KEY'>;

/** The member the number is bound to (mainland numbers are stored without +86), or null. */
async function memberByPhone(nationcode: string, mobile: string, config: HashConfig): Promise<Types.ObjectId | null> {
  const plain = nationcode === '86' ? mobile.replace(/^\+?86/, '') : mobile;
  const member = await MemberModel.findOne({ phoneHash: keyedHash('phone', plain, config.DATA_HASH_KEY) }, { _id: 1 }).lean();
  return member?._id ?? null;
}

async function insertOnce(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/** Records each receipt once by its sid; returns the sids recorded for the first time. */
export async function recordSmsReceipts(receipts: z.infer<typeof smsStatusCallback>, config: HashConfig, now: Date): Promise<string[]> {
  const recorded: string[] = [];
  for (const receipt of receipts) {
    const memberId = await memberByPhone(receipt.nationcode, receipt.mobile, config);
    const fresh = await insertOnce(() => SmsReceiptModel.create({ _id: receipt.sid, memberId, delivered: receipt.report_status === 'SUCCESS', statusCode: receipt.errmsg, receivedAt: now, claimedBy: null }));
    if (fresh) recorded.push(receipt.sid);
  }
  return recorded;
}

/**
 * Records a reply once, then applies it: an opt-out (R, TD…) withdraws the member's SMS consent at once. The record
 * is written first and marked applied last, so a crash in between is finished when Tencent posts it again.
 */
export async function handleSmsReply(reply: z.infer<typeof smsReplyCallback>, config: HashConfig, now: Date): Promise<{ optOut: boolean; withdrawn: boolean }> {
  const _id = keyedHash('sms-reply', `${reply.nationcode}:${reply.mobile}:${reply.time}:${reply.text}`, config.DATA_HASH_KEY);
  const optOut = isSmsOptOut(reply.text);
  const at = new Date(reply.time * 1000);
  const memberId = await memberByPhone(reply.nationcode, reply.mobile, config);
  await insertOnce(() => SmsReplyModel.create({ _id, memberId, optOut, at, receivedAt: now, appliedAt: null }));
  const stored = await SmsReplyModel.findById(_id).lean();
  if (!stored || stored.appliedAt || !stored.optOut || !stored.memberId) return { optOut, withdrawn: false };
  const withdrawn = await withdrawSmsConsentByReply(stored.memberId, stored.at);
  await SmsReplyModel.updateOne({ _id, appliedAt: null }, { $set: { appliedAt: now } });
  return { optOut, withdrawn };
}

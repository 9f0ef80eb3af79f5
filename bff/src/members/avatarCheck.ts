import type { Types } from 'mongoose';
import { recordMediaVerdict } from '../community/applyMediaVerdict';
import { MediaCheckModel } from '../community/MediaCheck.model';
import { ensureMediaCheck } from '../community/mediaChecks';
import { mediaVerdictOf } from '../community/mediaVerdictPush';
import type { Logger } from '../logger';
import { deleteAvatarFile } from '../media/avatarFiles';
import { TEXT_SCENES } from '../moderation/checkMemberText';
import type { PushHandler } from '../wechat/messagePush/pushHandlers';
import type { WechatSecurity } from '../wechat/types';
import type { AvatarCheck } from './AvatarCheckState';
import { MemberModel, type Member } from './Member.model';

export const uncheckedAvatar = (avatarId: string, now: Date): AvatarCheck => ({ avatarId, state: 'unsent', traceId: null, label: null, requestedAt: now, verdictAt: null });

/**
 * The avatar others may see: one that passed WeChat's check, or one that needs none (a WeChat avatar URL, or an
 * upload from before avatars were checked: avatarCheck null). Held, failed or never answered: the default face.
 */
export function shownAvatarUrl(member: Pick<Member, 'avatarUrl' | 'avatarCheck'>): string | null {
  if (!member.avatarUrl) return null;
  return !member.avatarCheck || member.avatarCheck.state === 'pass' ? member.avatarUrl : null;
}

export interface AvatarCheckContext {
  security: WechatSecurity;
  logger: Logger;
  now: Date;
}

/**
 * Sends the member's new avatar to mediaCheckAsync (scene 1 资料) with its public URL. A refused or failed call
 * leaves it `failed`: hidden from others, never shown unchecked; the member may upload another.
 */
export async function requestAvatarCheck(member: { memberId: Types.ObjectId; openid: string }, avatarId: string, mediaUrl: string, context: AvatarCheckContext): Promise<void> {
  const current = { _id: member.memberId, 'avatarCheck.avatarId': avatarId, 'avatarCheck.state': 'unsent' as const };
  let traceId: string;
  try {
    ({ traceId } = await context.security.mediaCheckAsync({ openid: member.openid, scene: TEXT_SCENES.nickname, mediaUrl, mediaType: 'image' }));
  } catch (error) {
    context.logger.warn({ err: error }, 'mediaCheckAsync failed for an avatar: it stays hidden from others');
    await MemberModel.updateOne(current, { $set: { 'avatarCheck.state': 'failed' } });
    return;
  }
  await ensureMediaCheck(traceId);
  await MemberModel.updateOne(current, { $set: { 'avatarCheck.state': 'requested', 'avatarCheck.traceId': traceId } });
  // The verdict may have been pushed before the trace was on the member.
  await settleAvatarCheck(traceId, context.now);
}

/**
 * Once a trace has its verdict and names a member's current avatar, records the verdict (once). risky: the file
 * goes first (so a crash leaves at worst a member pointing at a missing file, which the next delivery of the
 * verdict finishes), then the member falls back to the default face. Safe to call any number of times, from either
 * side; a verdict on an avatar the member has since replaced changes nothing.
 */
export async function settleAvatarCheck(traceId: string, now: Date): Promise<void> {
  const check = await MediaCheckModel.findById(traceId, { verdict: 1, verdictAt: 1 }).lean();
  if (!check?.verdict) return;
  const waiting = { 'avatarCheck.traceId': traceId, 'avatarCheck.state': { $in: ['unsent', 'requested', 'failed'] as AvatarCheck['state'][] } };
  const member = await MemberModel.findOne(waiting, { avatarCheck: 1 }).lean();
  if (!member?.avatarCheck) return;
  const { suggest, label } = check.verdict;
  if (suggest === 'risky') {
    await deleteAvatarFile(member.avatarCheck.avatarId);
    await MemberModel.updateOne({ _id: member._id, ...waiting }, { $set: { avatarUrl: null, avatarUploadedAt: null, avatarCheck: null, updatedAt: now } });
    return;
  }
  await MemberModel.updateOne({ _id: member._id, ...waiting }, { $set: { 'avatarCheck.state': suggest, 'avatarCheck.label': label, 'avatarCheck.verdictAt': check.verdictAt ?? now } });
}

/** The members' handler of WeChat's image verdicts (registered in pushHandlerTable.ts beside the community's). */
export const applyPushedAvatarVerdict: PushHandler<'wxa_media_check'> = async (event, { now }) => {
  const verdict = mediaVerdictOf(event);
  await recordMediaVerdict(verdict, now);
  await settleAvatarCheck(verdict.traceId, now);
};

import { consentTexts } from '@cakeday/shared';
import { Types } from 'mongoose';
import type { Campaign } from '../../bff/src/campaigns/Campaign.model';
import { ConsentModel } from '../../bff/src/consents/Consent.model';
import { creditAccept } from '../../bff/src/subscriptions/quotaLedger';
import { SubscriptionQuotaModel, quotaId } from '../../bff/src/subscriptions/SubscriptionQuota.model';
import { createPushCampaign, REMINDER_TEMPLATE_ID } from '../bench/fixtures/campaignCohort';
import { inBatches } from '../bench/fixtures/inBatches';
import type { BenchMember } from '../bench/fixtures/members';
import type { RunningWechatSandbox } from '../wechat-sandbox';
import { pick } from './random';

/** What a cohort member was given before the campaign: it decides what the engine may do with their delivery. */
export type CohortKind =
  /** Accepted 生日提醒 in WeChat (the accept pushed to the BFF credits the ledger) and agreed to marketing messages. */
  | 'subscribed'
  /** Accepted in WeChat, but never agreed to marketing messages: skipped (no_consent). */
  | 'no_consent'
  /** Agreed, but never accepted: the ledger has nothing, WeChat is not asked (no_quota). */
  | 'no_accept'
  /** The ledger was credited but WeChat has no send for them (drift): WeChat answers 43101. */
  | 'drift';

export interface ChaosCohort {
  campaign: Campaign;
  kinds: Map<string, CohortKind>;
}

export const CHAOS_CAMPAIGN_NAME = '混沌活动';

/**
 * The campaign's cohort, made as production makes it: each subscribed member accepts 生日提醒 in the sandbox, whose
 * subscribe_msg_popup_event is pushed to a BFF instance and credits the quota ledger there; then a running one-off
 * push to every active member is created (the chaos run's BFFs materialise and dispatch it).
 */
export async function seedCampaignCohort(sandbox: RunningWechatSandbox, members: readonly BenchMember[], random: () => number, now: Date): Promise<ChaosCohort> {
  const kinds = new Map<string, CohortKind>(members.map((member) => [member.id, pick(random, ['subscribed', 'subscribed', 'subscribed', 'subscribed', 'subscribed', 'subscribed', 'subscribed', 'no_consent', 'no_accept', 'drift'] as const)]));
  const { version } = consentTexts.marketing_messages;
  await ConsentModel.insertMany(
    members.filter((member) => kinds.get(member.id) !== 'no_consent').map((member) => ({ memberId: new Types.ObjectId(member.id), purpose: 'marketing_messages', action: 'grant', version, at: now, ip: null })),
  );
  await inBatches(members, 32, async (member) => {
    const kind = kinds.get(member.id);
    if (kind === 'drift') return creditAccept(new Types.ObjectId(member.id), REMINDER_TEMPLATE_ID, `chaos-drift:${member.id}`, now);
    if (kind === 'no_accept') return;
    const { pushIds } = await sandbox.control.subscribe({ openid: member.openid }, 'birthdayReminder', 'accept');
    for (const pushId of pushIds) {
      const outcome = await sandbox.push.settled(pushId);
      if (!outcome.delivered) throw new Error(`chaos: the accept of ${member.openid} never reached the BFF`);
    }
  });
  const credited = await SubscriptionQuotaModel.countDocuments({ _id: { $in: members.map((member) => quotaId(new Types.ObjectId(member.id), REMINDER_TEMPLATE_ID)) }, remaining: 1 });
  const expected = [...kinds.values()].filter((kind) => kind === 'subscribed' || kind === 'no_consent' || kind === 'drift').length;
  if (credited !== expected) throw new Error(`chaos: ${credited} quota ledgers credited, expected ${expected}`);
  return { campaign: await createPushCampaign(CHAOS_CAMPAIGN_NAME, now), kinds };
}

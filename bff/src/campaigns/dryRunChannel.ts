import type { DryRunNeitherReason } from '@cakeday/shared';
import type { ConsentStanding } from '../consents/consentingMembers';
import type { Member } from '../members/Member.model';
import type { Campaign } from './Campaign.model';
import { smsAllowed } from './smsStep';

/** What the dry run knows of one member who is neither held out nor over the cap. */
export interface DryRunMemberFacts {
  member: Pick<Member, '_id' | 'phone'>;
  /** Agrees to marketing messages, or the template is not marketing. */
  messagesAllowed: boolean;
  hasQuota: boolean;
  smsConsenting: ReadonlySet<string>;
  smsStanding: ConsentStanding | undefined;
}

export type DryRunChannel = { channel: 'subscription' | 'sms' } | { channel: 'neither'; reason: DryRunNeitherReason };

/** The channel the dispatcher would pick for the member (verdictOf / sendDelivery), or why neither would do. */
export function dryRunChannelOf(campaign: Pick<Campaign, 'message'>, facts: DryRunMemberFacts): DryRunChannel {
  const { member } = facts;
  if (!campaign.message.smsOnly && facts.messagesAllowed && facts.hasQuota) return { channel: 'subscription' };
  if (smsAllowed(campaign, member, facts.smsConsenting)) return { channel: 'sms' };
  if (!campaign.message.sms) return { channel: 'neither', reason: facts.messagesAllowed ? 'no_quota' : 'no_consent' };
  if (!member.phone) return { channel: 'neither', reason: 'no_phone' };
  const unsubscribed = facts.smsStanding?.action === 'withdraw' && facts.smsStanding.via === 'sms_reply';
  return { channel: 'neither', reason: unsubscribed ? 'sms_unsubscribed' : 'no_sms_consent' };
}

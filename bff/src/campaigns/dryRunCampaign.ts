import { businessWeekKey, inHoldout, inQuietHours, SUBSCRIPTION_TEMPLATES, type OpsCampaignsDryRunResponse, type ProgramSettings } from '@cakeday/shared';
import { Types } from 'mongoose';
import type { Config } from '../config/config';
import { consentingMembers, consentStandings } from '../consents/consentingMembers';
import { dailyTotal } from '../db/dailyCounter';
import { notFound } from '../errors/AppError';
import { MemberModel, type Member } from '../members/Member.model';
import { SubscriptionQuotaModel } from '../subscriptions/SubscriptionQuota.model';
import { templateIdOf } from '../subscriptions/subscriptionTemplates';
import { CampaignModel } from './Campaign.model';
import { audienceFilter, audienceSegmentOf, inAudienceSegment } from './campaignAudience';
import { renderMessage } from './campaignMessage';
import { campaignVariables } from './campaignVariables';
import { benefitOf } from './campaignBenefit';
import { banditArms, variantFor } from './campaignVariant';
import { dryRunChannelOf } from './dryRunChannel';
import { smsAllowed } from './smsStep';

const BATCH = 500;
const SAMPLE = 3;

/**
 * What the campaign would do now, without sending: the audience, how many would be skipped and why (the first
 * reason that applies, in the order the dispatcher checks), and rendered samples. Quiet hours count everyone
 * who would otherwise be sent: they are deferred, not dropped. `channels` counts who would get the subscription
 * message, who the SMS instead, and who neither and why; `benefits` who would get their variant's coupon.
 */
export async function dryRunCampaign(id: string, now: Date, settings: ProgramSettings, config: Config): Promise<OpsCampaignsDryRunResponse> {
  const campaign = await CampaignModel.findById(new Types.ObjectId(id)).lean();
  if (!campaign) throw notFound();
  const marketing = SUBSCRIPTION_TEMPLATES[campaign.message.template].marketing;
  const templateId = templateIdOf(config, campaign.message.template);
  const quiet = marketing && inQuietHours(campaign.trigger.kind === 'push' ? campaign.trigger.sendAt : now, settings.marketing.quietHours);
  const skipped: OpsCampaignsDryRunResponse['skipped'] = {};
  const skip = (reason: keyof OpsCampaignsDryRunResponse['skipped']) => {
    skipped[reason] = (skipped[reason] ?? 0) + 1;
  };
  const channels: OpsCampaignsDryRunResponse['channels'] = { subscription: 0, sms: 0, neither: {} };
  const neither = (reason: keyof OpsCampaignsDryRunResponse['channels']['neither']) => {
    channels.neither[reason] = (channels.neither[reason] ?? 0) + 1;
  };
  const sample: OpsCampaignsDryRunResponse['sample'] = [];
  let audienceSize = 0;
  let wouldSend = 0;
  let benefits = 0;
  const arms = await banditArms(campaign);
  let afterId: Types.ObjectId | null = null;
  const filter = audienceFilter(campaign);
  const segment = await audienceSegmentOf(campaign);
  for (;;) {
    const batch: Pick<Member, '_id' | 'nickname' | 'birthday' | 'tier' | 'phone'>[] = await MemberModel.find(afterId ? { $and: [filter, { _id: { $gt: afterId } }] } : filter, { _id: 1, nickname: 1, birthday: 1, tier: 1, phone: 1 }).sort({ _id: 1 }).limit(BATCH).lean();
    if (batch.length === 0) break;
    afterId = batch.at(-1)?._id ?? null;
    const members = await inAudienceSegment(segment, batch, now);
    audienceSize += members.length;
    const ids = members.map((member) => member._id);
    const [consent, quotas, smsStandings] = await Promise.all([
      marketing ? consentingMembers(ids, 'marketing_messages') : Promise.resolve(null),
      SubscriptionQuotaModel.find({ memberId: { $in: ids }, templateId }, { memberId: 1, remaining: 1, status: 1 }).lean(),
      campaign.message.sms ? consentStandings(ids, 'sms_marketing') : Promise.resolve(new Map<string, never>()),
    ]);
    const smsConsenting = new Set([...smsStandings].filter(([, standing]) => standing.action === 'grant').map(([memberId]) => memberId));
    const remaining = new Map(quotas.map((quota) => [quota.memberId.toHexString(), quota.status === 'active' ? quota.remaining : 0]));
    for (const member of members) {
      const memberId = member._id.toHexString();
      const heldOut = inHoldout(campaign._id.toHexString(), memberId, campaign.holdoutPermille);
      const messagesAllowed = !consent || consent.has(memberId);
      const capped = !heldOut && marketing && (await dailyTotal(`marketing-week:${memberId}:${businessWeekKey(now)}`)) >= settings.marketing.weeklyCapPerMember;
      const hasQuota = (remaining.get(memberId) ?? 0) >= 1;
      if (heldOut) skip('holdout');
      else if (!messagesAllowed) skip('no_consent');
      else if (capped) skip('cap');
      else if (!hasQuota) skip('no_quota');
      else if (quiet) skip('quiet_hours');
      else wouldSend += 1;
      const verdict = heldOut ? null : dryRunChannelOf(campaign, { member, messagesAllowed, hasQuota, smsConsenting, smsStanding: smsStandings.get(memberId) });
      if (!verdict) neither('holdout');
      else if (verdict.channel === 'neither') neither(verdict.reason);
      else if (capped) neither('cap');
      else channels[verdict.channel] += 1;
      // The dispatcher grants the variant's coupon to every delivery it sends by any channel (verdictOf: not for consent).
      const reached = !heldOut && ((!campaign.message.smsOnly && messagesAllowed) || smsAllowed(campaign, member, smsConsenting));
      if (reached && benefitOf(campaign, { variant: variantFor(campaign, memberId, arms) })) benefits += 1;
      if (sample.length < SAMPLE) sample.push({ memberId, data: renderMessage(campaign.message, campaignVariables(member, campaign, now)).data });
    }
  }
  return { audienceSize, skipped, wouldSend, channels, sample, benefits };
}

import { birthdaysCelebratedWithin } from '@cakeday/shared';
import type { QueryFilter } from 'mongoose';
import type { Member } from '../members/Member.model';
import type { Campaign } from './Campaign.model';

/** The members a campaign's filters match (a birthday campaign: those with a birthday), whenever it runs. */
export function audienceFilter(campaign: Pick<Campaign, 'audience' | 'trigger'>): QueryFilter<Member> {
  const filter: QueryFilter<Member> = { status: 'active' };
  if (campaign.audience.tiers.length > 0) filter['tier.level'] = { $in: campaign.audience.tiers };
  if (campaign.audience.birthdayMonths.length > 0) filter['birthday.month'] = { $in: campaign.audience.birthdayMonths };
  if (campaign.trigger.kind === 'birthday') filter.birthday = { $ne: null };
  return filter;
}

/** Those of them a pass on `now` materialises: everyone for a push; for a birthday campaign, celebrations within its longest step. */
export function dueAudienceFilter(campaign: Pick<Campaign, 'audience' | 'trigger'>, now: Date): QueryFilter<Member> {
  const filter = audienceFilter(campaign);
  if (campaign.trigger.kind !== 'birthday') return filter;
  const days = Math.max(...campaign.trigger.daysBefore);
  return { ...filter, $or: birthdaysCelebratedWithin(now, days).map(({ month, day }) => ({ 'birthday.month': month, 'birthday.day': day })) };
}

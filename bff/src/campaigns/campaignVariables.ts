import { businessDate, nextCelebration, daysBetween, type CampaignVariables } from '@cakeday/shared';
import type { Member } from '../members/Member.model';
import type { Campaign } from './Campaign.model';

/** The member's values of the message variables at `now` (a member without a nickname is 会员). */
export function campaignVariables(member: Pick<Member, 'nickname' | 'birthday'>, campaign: Pick<Campaign, 'name'>, now: Date): CampaignVariables {
  const celebration = member.birthday ? nextCelebration(member.birthday, now) : null;
  return {
    nickname: member.nickname ?? '会员',
    daysToBirthday: celebration ? String(daysBetween(businessDate(now), celebration)) : '',
    birthdayDate: celebration ? `${celebration.year}年${celebration.month}月${celebration.day}日` : '',
    campaignName: campaign.name,
    expiringPoints: '',
    expiryDate: '',
    tierName: '',
    tierBenefit: '',
  };
}

import type { RouteResponse } from '@cakeday/shared';
import { CouponTemplateModel } from '../coupons/CouponTemplate.model';
import { MemberModel } from '../members/Member.model';
import type { SettingsSnapshot } from '../settings/settingsSource';
import { PERSON_FIELDS, presentPerson } from './presentPerson';
import { ReferralCodeModel } from './ReferralCode.model';

/**
 * An invite's landing: who invites (as friends see them: a held nickname stays hidden) and what the newcomer gets
 * under the settings in force. A code of nobody, or of a deleted member, names no inviter rather than failing:
 * the landing still welcomes the newcomer.
 */
export async function describeInvite(code: string, settings: SettingsSnapshot): Promise<RouteResponse<'referral.invite'>> {
  const owner = await ReferralCodeModel.findOne({ code }).lean();
  const inviter = owner ? await MemberModel.findOne({ _id: owner._id, status: 'active' }, PERSON_FIELDS).lean() : null;
  const template = await CouponTemplateModel.findOne({ code: settings.settings.referral.welcomeTemplateCode, active: true }).lean();
  return {
    inviter: inviter ? presentPerson(inviter) : null,
    welcome: template ? { title: template.title, description: template.description, validDays: template.validDays } : null,
  };
}

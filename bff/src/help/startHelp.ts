import { selectHelpWindow, type HelpMineResponse } from '@cakeday/shared';
import { Types } from 'mongoose';
import { hasConsent } from '../consents/consentState';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { conflict, forbidden } from '../errors/AppError';
import type { AppDeps } from '../http/deps';
import { loadMember } from '../members/loadMember';
import { recordHelpStarted } from './helpEvents';
import { HelpCampaignModel } from './HelpCampaign.model';
import { helpOverview, memberBirthday } from './helpOverview';
import { helpGift, helpGoal } from './helpSettings';
import { settingsAt } from '../settings/settingsSource';

/** Starts this birthday's campaign (once: the unique key is member + celebration year); the goal is fixed at start. */
export async function startHelp(memberId: string, deps: AppDeps): Promise<HelpMineResponse> {
  const { now, settings } = await settingsAt(deps);
  const member = await loadMember(memberId);
  const birthday = memberBirthday(member);
  if (!birthday) throw conflict('BIRTHDAY_NOT_SET');
  if (!(await hasConsent(memberId, 'birthday'))) throw forbidden('CONSENT_REQUIRED');
  const { open, window } = selectHelpWindow(birthday, now);
  if (!open) throw conflict('HELP_NOT_OPEN');
  try {
    const created = await HelpCampaignModel.create({
      memberId: new Types.ObjectId(memberId),
      celebrationYear: window.celebrationYear,
      birthday: { month: birthday.month, day: birthday.day },
      goal: helpGoal(settings.settings, member.tier.level),
      gift: await helpGift(settings.settings),
      helpersCount: 0,
      helpers: [],
      state: 'active',
      startedAt: now,
      expiresAt: window.closesAt,
      unlockedAt: null,
      couponId: null,
    });
    await recordHelpStarted(created, now);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const stored = await HelpCampaignModel.findOne({ memberId: new Types.ObjectId(memberId), celebrationYear: window.celebrationYear }).lean();
    if (stored) await recordHelpStarted(stored, now);
    throw conflict('HELP_ALREADY_STARTED');
  }
  return helpOverview(memberId, deps);
}

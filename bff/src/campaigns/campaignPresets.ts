import { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { CampaignModel, type Campaign } from './Campaign.model';
import { ensureLifecycleCouponTemplates, LIFECYCLE_PRESETS } from './lifecyclePresets';

const ENGINE = { id: 'system', displayName: '系统预置' };

/**
 * The ready-made birthday reminder: T-7 and T-0 (Asia/Shanghai; 29 Feb birthdays on 28 Feb in common years), a
 * draft ops review, submit and start in the console. With one accept only T-0 is sent; T-7 then goes to 消息中心.
 */
export const BIRTHDAY_PRESET = {
  presetKey: 'birthday-t7-t0',
  name: '生日提醒（生日前7天与当天）',
  trigger: { kind: 'birthday' as const, daysBefore: [7, 0] },
  audience: { tiers: [], birthdayMonths: [] },
  message: {
    template: 'birthdayReminder' as const,
    fields: { thing1: '你的生日礼已准备好', date2: '{{birthdayDate}}', thing3: '还有{{daysToBirthday}}天，记得来领取哦' },
    page: 'pages/birthday/index',
    inboxTitle: '生日礼提醒',
  },
  holdoutPermille: 0,
};

/**
 * The birthday SMS three days before (beside T-7 / T-0), for members who agreed to marketing SMS: SMS and 消息中心
 * only, so that it never takes the subscription quota the reminder keeps for T-0.
 */
export const BIRTHDAY_T3_SMS_PRESET = {
  presetKey: 'birthday-t3-sms',
  name: '生日短信（生日前3天）',
  trigger: { kind: 'birthday' as const, daysBefore: [3] },
  audience: { tiers: [], birthdayMonths: [] },
  message: {
    template: 'birthdayReminder' as const,
    fields: { thing1: '你的生日礼已准备好', date2: '{{birthdayDate}}', thing3: '还有{{daysToBirthday}}天，记得来领取哦' },
    page: 'pages/birthday/index',
    inboxTitle: '生日礼已备好',
    sms: { template: 'birthdayGreeting' as const, params: ['{{nickname}}', '{{daysToBirthday}}'] },
    smsOnly: true,
  },
  holdoutPermille: 0,
};

const PRESETS = [BIRTHDAY_PRESET, BIRTHDAY_T3_SMS_PRESET, ...LIFECYCLE_PRESETS];

/** Creates the presets that do not exist yet (their key is unique: two instances at once create one), in their order. */
export async function ensureCampaignPresets(now: Date): Promise<Campaign[]> {
  await ensureLifecycleCouponTemplates(now);
  for (const preset of PRESETS) await createPreset(preset, now);
  return CampaignModel.find({ presetKey: { $ne: null } }).sort({ _id: 1 }).lean();
}

async function createPreset(preset: (typeof PRESETS)[number], now: Date): Promise<void> {
  try {
    await CampaignModel.create({
      _id: new Types.ObjectId(),
      ...preset,
      endsAt: new Date(Date.UTC(now.getUTCFullYear() + 10, 0, 1)),
      state: 'draft',
      version: 0,
      audienceSize: null,
      needsApproval: false,
      createdBy: ENGINE,
      submittedBy: null,
      approvedBy: null,
      materialisation: { runKey: null, afterId: null, done: false },
      createdAt: now,
      updatedAt: now,
      auditSeqs: [],
    });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

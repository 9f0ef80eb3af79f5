import { renderCampaignFields, SMS_TEMPLATES, smsParamProblems, smsPhoneNumber, type CampaignVariables } from '@cakeday/shared';
import type { Config } from '../config/config';
import type { Member } from '../members/Member.model';
import { decryptPersonalData } from '../members/personalDataCrypto';
import type { Campaign } from './Campaign.model';

export interface RenderedSms {
  templateKey: NonNullable<Campaign['message']['sms']>['template'];
  params: string[];
  /** Whether Tencent would refuse these variables (a long nickname): then it is not sent. */
  fits: boolean;
}

/** The campaign's SMS with the member's values, or null when the campaign has none. */
export function renderCampaignSms(campaign: Pick<Campaign, 'message'>, variables: CampaignVariables, signName: string): RenderedSms | null {
  const sms = campaign.message.sms;
  if (!sms) return null;
  const rendered = renderCampaignFields(Object.fromEntries(sms.params.map((param, index) => [String(index), param])), variables);
  const params = sms.params.map((_param, index) => rendered[String(index)] ?? '');
  return { templateKey: sms.template, params, fits: smsParamProblems(SMS_TEMPLATES[sms.template], params, signName).length === 0 };
}

/** The member's number as Tencent takes it (E.164), or null without a bound mainland number. */
export function smsNumberOf(member: Pick<Member, 'phone'>, config: Pick<Config, 'DATA_ENCRYPTION_KEY'>): string | null {
  if (!member.phone) return null;
  return smsPhoneNumber(decryptPersonalData(member.phone.ciphertext, config.DATA_ENCRYPTION_KEY));
}

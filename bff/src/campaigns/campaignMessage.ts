import {
  PREVIEW_VARIABLES,
  SMS_TEMPLATES,
  smsParamProblems,
  renderCampaignFields,
  SUBSCRIPTION_TEMPLATES,
  templateDataProblems,
  type CampaignMessage,
  type CampaignVariables,
  type TemplateDataProblem,
} from '@cakeday/shared';
import { unprocessable } from '../errors/AppError';

/** The message as WeChat would get it, with the given variables, and what breaks the template's rules. */
export function renderMessage(message: Pick<CampaignMessage, 'template' | 'fields'>, variables: CampaignVariables): { data: Record<string, string>; problems: TemplateDataProblem[] } {
  const data = renderCampaignFields(message.fields, variables);
  return { data, problems: templateDataProblems(SUBSCRIPTION_TEMPLATES[message.template], data) };
}

/** The longest approved signature (12 characters), so that an SMS that fits here fits under any signature. */
const LONGEST_SIGN_NAME = '蛋糕日蛋糕日蛋糕日蛋糕日';

/**
 * The preview: rendered with the longest values the variables take, so what passes here passes for every member;
 * the SMS's variables (keys `sms.1`, `sms.2`…) are checked against Tencent's rules the same way.
 */
export function previewMessage(message: Pick<CampaignMessage, 'template' | 'fields' | 'sms'>, campaignName: string): { data: Record<string, string>; problems: TemplateDataProblem[] } {
  const variables = { ...PREVIEW_VARIABLES, campaignName };
  const rendered = renderMessage(message, variables);
  if (!message.sms) return rendered;
  const params = message.sms.params.map((param) => renderCampaignFields({ param }, variables).param ?? '');
  const smsProblems = smsParamProblems(SMS_TEMPLATES[message.sms.template], params, LONGEST_SIGN_NAME).map((problem) => ({ key: problem.param === null ? 'sms' : `sms.${problem.param}`, message: problem.message }));
  return { data: rendered.data, problems: [...rendered.problems, ...smsProblems] };
}

/** A campaign whose message breaks the template's rules cannot be saved or submitted. */
export function assertMessageFits(message: Pick<CampaignMessage, 'template' | 'fields' | 'sms'>, campaignName: string): void {
  if (previewMessage(message, campaignName).problems.length > 0) throw unprocessable('CAMPAIGN_MESSAGE_INVALID');
}

/** The campaign's message and every variant's own must fit their templates. */
export function assertMessagesFit(campaign: { name: string; message: Pick<CampaignMessage, 'template' | 'fields'>; variants?: readonly { message: Pick<CampaignMessage, 'template' | 'fields'> | null }[] }): void {
  assertMessageFits(campaign.message, campaign.name);
  for (const variant of campaign.variants ?? []) if (variant.message) assertMessageFits(variant.message, campaign.name);
}

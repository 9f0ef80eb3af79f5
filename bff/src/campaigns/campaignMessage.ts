import {
  PREVIEW_VARIABLES,
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

/** The preview: rendered with the longest values the variables take, so what passes here passes for every member. */
export function previewMessage(message: Pick<CampaignMessage, 'template' | 'fields'>, campaignName: string): { data: Record<string, string>; problems: TemplateDataProblem[] } {
  return renderMessage(message, { ...PREVIEW_VARIABLES, campaignName });
}

/** A campaign whose message breaks the template's rules cannot be saved or submitted. */
export function assertMessageFits(message: Pick<CampaignMessage, 'template' | 'fields'>, campaignName: string): void {
  if (previewMessage(message, campaignName).problems.length > 0) throw unprocessable('CAMPAIGN_MESSAGE_INVALID');
}

/** The campaign's message and every variant's own must fit their templates. */
export function assertMessagesFit(campaign: { name: string; message: Pick<CampaignMessage, 'template' | 'fields'>; variants?: readonly { message: Pick<CampaignMessage, 'template' | 'fields'> | null }[] }): void {
  assertMessageFits(campaign.message, campaign.name);
  for (const variant of campaign.variants ?? []) if (variant.message) assertMessageFits(variant.message, campaign.name);
}

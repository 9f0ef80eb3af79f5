import type { CampaignTrigger, OpsCampaignsCreateRequest } from '@cakeday/shared';
import type { Campaign } from './Campaign.model';

type EditableFields = Omit<OpsCampaignsCreateRequest, 'reason'>;

/** The request's fields as the campaign document stores them (instants as Dates). */
export function storedCampaignFields(fields: EditableFields): Pick<Campaign, 'name' | 'trigger' | 'audience' | 'message' | 'holdoutPermille' | 'endsAt' | 'variants' | 'allocation'> {
  return {
    name: fields.name,
    trigger: storedTrigger(fields.trigger),
    audience: { tiers: fields.audience.tiers, birthdayMonths: fields.audience.birthdayMonths, segment: fields.audience.segment ?? null },
    message: fields.message,
    holdoutPermille: fields.holdoutPermille,
    endsAt: new Date(fields.endsAt),
    variants: fields.variants,
    allocation: fields.allocation,
  };
}

function storedTrigger(trigger: CampaignTrigger): Campaign['trigger'] {
  if (trigger.kind === 'push') return { kind: 'push', sendAt: new Date(trigger.sendAt) };
  if (trigger.kind === 'birthday') return { kind: 'birthday', daysBefore: [...new Set(trigger.daysBefore)].sort((a, b) => b - a) };
  return trigger;
}

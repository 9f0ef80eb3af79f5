import { opsCampaignsCreateRequest, type CampaignMessage, type OpsCampaignsCreateRequest, type SubscriptionTemplateKey } from '@cakeday/shared';

export interface VariantFormValues {
  key: string;
  name: string;
  weight?: number;
  sendDelayDays?: number;
  couponTemplate?: string | null;
  /** Off: the variant sends the campaign's message. */
  ownMessage?: boolean;
  template?: SubscriptionTemplateKey;
  fields?: Record<string, string>;
}

export interface CampaignFormValues {
  name: string;
  kind: 'push' | 'birthday' | 'tierUpgrade';
  sendAt?: string;
  daysBefore?: number[];
  /** 会员升级: the tiers whose upgrade the campaign congratulates. */
  toTiers?: ('gold' | 'diamond')[];
  template: SubscriptionTemplateKey;
  fields: Record<string, string>;
  page: string;
  inboxTitle: string;
  endsAt: string;
  holdoutPermille: number;
  /** A member segment (会员分群) as the audience; none: every member. */
  segment?: string;
  variants?: VariantFormValues[];
  allocation?: 'split' | 'bandit';
}

const LOCAL = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;
export const LOCAL_TIME = LOCAL;
export const shanghai = (local: string): string => `${local.replace(' ', 'T')}:00+08:00`;

export const messageOf = (values: Pick<CampaignFormValues, 'template' | 'fields' | 'page' | 'inboxTitle'>): CampaignMessage => ({
  template: values.template,
  fields: values.fields ?? {},
  page: values.page,
  inboxTitle: values.inboxTitle,
});

function triggerOf(values: CampaignFormValues): unknown {
  if (values.kind === 'push') return { kind: 'push', sendAt: shanghai(values.sendAt ?? '') };
  if (values.kind === 'tierUpgrade') return { kind: 'tierUpgrade', toTiers: values.toTiers ?? ['gold', 'diamond'] };
  return { kind: 'birthday', daysBefore: values.daysBefore ?? [7, 0] };
}

/** The create request the form describes (a variant's own message keeps the campaign's page and inbox title). */
export function createRequestOf(values: CampaignFormValues): unknown {
  const message = messageOf(values);
  return {
    name: values.name,
    trigger: triggerOf(values),
    audience: { tiers: [], birthdayMonths: [], segment: values.segment ?? null },
    message,
    holdoutPermille: values.holdoutPermille ?? 0,
    endsAt: shanghai(values.endsAt),
    variants: (values.variants ?? []).map((variant) => ({
      key: variant.key?.trim() ?? '',
      name: variant.name?.trim() ?? '',
      weight: variant.weight ?? 1,
      sendDelayDays: variant.sendDelayDays ?? 0,
      message: variant.ownMessage ? { ...message, template: variant.template ?? values.template, fields: variant.fields ?? {} } : null,
      benefit: variant.couponTemplate ? { couponTemplate: variant.couponTemplate } : null,
    })),
    allocation: (values.variants ?? []).length > 1 ? (values.allocation ?? 'split') : 'split',
  };
}

const FORM_FIELDS = new Set(['name', 'page', 'inboxTitle', 'holdoutPermille', 'template', 'fields']);

/** The form field a schema issue is about (null: none, said above the form). Variants keep their message beside them. */
function fieldPath(path: readonly PropertyKey[]): (string | number)[] | null {
  const names = path.map((part) => (typeof part === 'number' ? part : String(part)));
  const [first, index, third, ...rest] = names;
  if (first === 'variants' && typeof index === 'number') {
    if (third === 'message') return ['variants', index, ...rest];
    if (third === 'benefit') return ['variants', index, 'couponTemplate'];
    return third === undefined ? null : ['variants', index, third];
  }
  const local = first === 'message' ? names.slice(1) : names;
  return typeof local[0] === 'string' && FORM_FIELDS.has(local[0]) ? local : null;
}

const HAS_CHINESE = /[\u4e00-\u9fff]/;

/** Checks the request with the shared schema: the request, or the problems by form field. */
export function checkCreateRequest(values: CampaignFormValues): { request: OpsCampaignsCreateRequest } | { problems: { name: (string | number)[] | null; errors: string[] }[] } {
  const parsed = opsCampaignsCreateRequest.safeParse(createRequestOf(values));
  if (parsed.success) return { request: parsed.data };
  return { problems: parsed.error.issues.map((issue) => ({ name: fieldPath(issue.path), errors: [HAS_CHINESE.test(issue.message) ? issue.message : '取值不在允许范围内'] })) };
}

import { z } from 'zod';
import { pageFields, pageOf } from '../api/paging.js';
import { subscriptionTemplateKeySchema } from '../subscriptions/subscriptions.schema.js';
import { segmentIdSchema } from '../segments/segments.schema.js';
import { SMS_TEMPLATE_KEYS } from '../sms/sms.templates.js';
import { tierLevelSchema } from '../tiers/tiers.schema.js';
import { campaignAllocationSchema, campaignVariantFields, uniqueVariantKeys } from './campaignVariants.schema.js';
import { lifecycleTriggerSchemas } from './lifecycleTriggers.schema.js';
import { CAMPAIGN_ACTIONS, CAMPAIGN_STATES, DELIVERY_STATES, SKIP_REASONS } from './campaigns.rules.js';

const objectId = z.string().regex(/^[0-9a-f]{24}$/, '无效的编号');
const isoDateTime = z.iso.datetime({ offset: true });
const operatorRef = z.object({ id: z.string(), displayName: z.string() });

/** When the campaign sends: a one-off push at a chosen time, or birthday steps (days before the celebration). */
export const campaignTriggerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('push'), sendAt: isoDateTime }),
  z.object({
    kind: z.literal('birthday'),
    /** 7 = T-7, 0 = the day itself; at most three steps. */
    daysBefore: z.array(z.number().int().min(0).max(30)).min(1).max(3),
  }),
  ...lifecycleTriggerSchemas,
]);

/** Who it reaches: members matching every given filter (an empty list means any). */
export const campaignAudienceSchema = z.object({
  tiers: z.array(tierLevelSchema).max(3).default([]),
  birthdayMonths: z.array(z.number().int().min(1).max(12)).max(12).default([]),
  /** A member segment (ops.segments): only its members, as the segment stands when the campaign reaches them. */
  segment: segmentIdSchema.nullable().default(null),
});

export const campaignMessageSchema = z.object({
  template: subscriptionTemplateKeySchema,
  /** Template keyword -> text with {{nickname}}, {{daysToBirthday}}, {{birthdayDate}}, {{campaignName}}. */
  fields: z.record(z.string().regex(/^[a-z_]+\d+$/), z.string().min(1).max(100)),
  /** The landing page; the delivery id is added to its query. */
  page: z.string().regex(/^pages\/[\w/-]+$/, '须为小程序页面路径'),
  /** What 消息中心 shows as the message's title. */
  inboxTitle: z.string().trim().min(1).max(30),
  /**
   * The SMS sent instead when the member has no subscription quota and agreed to marketing SMS (an approved
   * template; its variables may use the same {{…}} as the fields). Without it, such members get 消息中心 only.
   */
  sms: z
    .object({
      template: z.enum(SMS_TEMPLATE_KEYS),
      params: z.array(z.string().min(1).max(40)).max(5),
    })
    .optional(),
  /**
   * SMS and 消息中心 only, never the subscription message: the member's quota stays for the campaigns whose steps
   * need it (the birthday T-3 SMS beside the T-7/T-0 reminder).
   */
  smsOnly: z.boolean().optional(),
});

const campaignFields = {
  name: z.string().trim().min(2).max(40),
  trigger: campaignTriggerSchema,
  audience: campaignAudienceSchema,
  message: campaignMessageSchema,
  /** Thousandths of the audience deliberately not sent (0–500). */
  holdoutPermille: z.number().int().min(0).max(500).default(0),
  /** No delivery is made after this instant. */
  endsAt: isoDateTime,
  /**
   * Versions of the message the audience is split among, each with its benefit (none: everyone gets the campaign's
   * message and no coupon; a coupon without an experiment: the default variant `main` alone, campaignBenefit.rules).
   */
  variants: z.array(campaignVariantFields(campaignMessageSchema)).max(5).refine(uniqueVariantKeys, '版本标识不能重复').default([]),
  /** How members are split among the variants: fixed weights, or a Thompson-sampling bandit. */
  allocation: campaignAllocationSchema.default('split'),
};

export const campaignSchema = z.object({
  id: z.string(),
  ...campaignFields,
  holdoutPermille: z.number().int(),
  audience: z.object({ tiers: z.array(tierLevelSchema), birthdayMonths: z.array(z.number().int()), segment: z.string().nullable() }),
  state: z.enum(CAMPAIGN_STATES),
  /** What the viewing operator may do now. */
  actions: z.array(z.enum(CAMPAIGN_ACTIONS)),
  version: z.number().int(),
  /** The audience size counted at submission; null before. */
  audienceSize: z.number().int().nullable(),
  needsApproval: z.boolean(),
  createdBy: operatorRef,
  submittedBy: operatorRef.nullable(),
  approvedBy: operatorRef.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const templateProblemSchema = z.object({ key: z.string(), message: z.string() });

export const opsCampaignsListRequest = z
  .object({ ...pageFields, state: z.enum(CAMPAIGN_STATES).optional() })
  .strict();
export const opsCampaignsListResponse = pageOf(campaignSchema);

export const opsCampaignsGetRequest = z.object({ id: objectId }).strict();
export const opsCampaignsGetResponse = campaignSchema;

export const opsCampaignsCreateRequest = z.object({ ...campaignFields, reason: z.string().trim().min(2).max(200).optional() }).strict();
export const opsCampaignsCreateResponse = campaignSchema;

export const opsCampaignsUpdateRequest = z
  .object({ id: objectId, version: z.number().int().min(0), ...campaignFields })
  .strict();
export const opsCampaignsUpdateResponse = campaignSchema;

/** The message rendered with the longest variable values and checked against the template's rules. */
export const opsCampaignsPreviewRequest = z.object({ message: campaignMessageSchema, name: z.string().trim().min(1).max(40) }).strict();
export const opsCampaignsPreviewResponse = z.object({
  data: z.record(z.string(), z.string()),
  problems: z.array(templateProblemSchema),
});

/**
 * Why a member of a dry run would get neither the subscription message nor the SMS: held out, over the marketing cap,
 * the subscription message's reason when the campaign has no SMS (no consent to marketing messages, no quota), else
 * the SMS's (no bound number, never agreed to marketing SMS or withdrew it in the app, unsubscribed by replying R/TD).
 */
export const DRY_RUN_NEITHER_REASONS = ['holdout', 'cap', 'no_consent', 'no_quota', 'no_phone', 'no_sms_consent', 'sms_unsubscribed'] as const;
export type DryRunNeitherReason = (typeof DRY_RUN_NEITHER_REASONS)[number];

export const opsCampaignsDryRunRequest = z.object({ id: objectId }).strict();
export const opsCampaignsDryRunResponse = z.object({
  /** Members the audience filters match (for birthday campaigns: with a birthday set). */
  audienceSize: z.number().int(),
  /** Of those, how many would not get the subscription message now, and why. */
  skipped: z.partialRecord(z.enum([...SKIP_REASONS, 'quiet_hours']), z.number().int()),
  wouldSend: z.number().int(),
  /**
   * Per channel, in the dispatcher's order (the subscription message if the member has quota, else the campaign's
   * SMS if the member may get it): how many members each would reach, and how many neither would and why (they get
   * the 消息中心 copy only; held-out members get nothing). Quiet hours defer a send, they do not change its channel.
   */
  channels: z.object({
    subscription: z.number().int(),
    sms: z.number().int(),
    neither: z.partialRecord(z.enum(DRY_RUN_NEITHER_REASONS), z.number().int()),
  }),
  sample: z.array(z.object({ memberId: z.string(), data: z.record(z.string(), z.string()) })),
  /**
   * Members who would get their variant's coupon: everyone a message would reach by any channel (消息中心 only
   * included: no quota, over the cap) whose variant has a benefit; never the holdout nor those skipped for consent.
   */
  benefits: z.number().int(),
});

/** submit / approve / reject / start / pause / resume / stop: the state change, audited. */
export const opsCampaignsTransitionRequest = z
  .object({ id: objectId, reason: z.string().trim().min(2).max(200).optional() })
  .strict();
export const opsCampaignsTransitionResponse = campaignSchema;

/** Switches a campaign between a fixed split and the bandit (at least two variants), audited. */
export const opsCampaignsAllocateRequest = z
  .object({ id: objectId, allocation: campaignAllocationSchema, reason: z.string().trim().min(2).max(200).optional() })
  .strict();

export const opsCampaignsReportRequest = z.object({ id: objectId }).strict();
export const opsCampaignsReportResponse = z.object({
  byState: z.record(z.enum(DELIVERY_STATES), z.number().int()),
  skippedByReason: z.record(z.string(), z.number().int()),
  failedByErrcode: z.record(z.string(), z.number().int()),
  /** Deliveries whose landing page the member opened (once each). */
  opened: z.number().int(),
  /** Members who, within 7 days after a message sent to them, claimed a benefit / placed an order (each once). */
  followUps: z.object({ claimedBenefit: z.number().int(), placedOrder: z.number().int() }),
  /** The variants' coupons granted with this campaign's messages, and of them the ones used. */
  benefits: z.object({ granted: z.number().int(), used: z.number().int() }),
  total: z.number().int(),
});

export type Campaign = z.infer<typeof campaignSchema>;
export type CampaignTrigger = z.infer<typeof campaignTriggerSchema>;
export type CampaignAudience = z.infer<typeof campaignAudienceSchema>;
export type CampaignMessage = z.infer<typeof campaignMessageSchema>;
export type LifecycleTrigger = Exclude<CampaignTrigger, { kind: 'push' } | { kind: 'birthday' }>;
export type OpsCampaignsCreateRequest = z.infer<typeof opsCampaignsCreateRequest>;
export type OpsCampaignsUpdateRequest = z.infer<typeof opsCampaignsUpdateRequest>;
export type OpsCampaignsDryRunResponse = z.infer<typeof opsCampaignsDryRunResponse>;
export type OpsCampaignsReportResponse = z.infer<typeof opsCampaignsReportResponse>;

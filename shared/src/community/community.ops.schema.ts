import { z } from 'zod';
import { opsIdSchema, opsReasonSchema, opsVersionSchema } from '../api/opsEdits.js';
import { pageFields, pageOf } from '../api/paging.js';
import { CONTENT_STATES, REPORT_REASONS, REVIEW_REASONS } from './community.rules.js';
import { communityTargetSchema } from './community.schema.js';

const isoDateTime = z.iso.datetime({ offset: true });
const contentState = z.enum(CONTENT_STATES);

export const photoCheckSchema = z.object({
  /** requested: sent to mediaCheckAsync, no verdict yet; failed: could not be sent. */
  state: z.enum(['unsent', 'requested', 'pass', 'review', 'risky', 'failed']),
  label: z.number().int().nullable(),
  traceId: z.string().nullable(),
  requestedAt: isoDateTime.nullable(),
  verdictAt: isoDateTime.nullable(),
});

export const textVerdictSchema = z.object({
  /** word_list: our own list decided; wechat: msgSecCheck v2; unchecked: WeChat could not be asked. */
  source: z.enum(['word_list', 'wechat', 'unchecked']),
  suggest: z.enum(['pass', 'review', 'risky']).nullable(),
  label: z.number().int().nullable(),
  traceId: z.string().nullable(),
  /** The list's words the text matched (review and replace words). */
  words: z.array(z.string()),
});

export const moderationReportSchema = z.object({
  reason: z.enum(REPORT_REASONS),
  note: z.string().nullable(),
  weight: z.number().int(),
  state: z.enum(['open', 'upheld', 'dismissed']),
  at: isoDateTime,
});

export const moderationHistorySchema = z.object({
  from: contentState,
  to: contentState,
  /** An operator's display name, or null for the system (WeChat's verdicts, the timeout job, reports). */
  by: z.string().nullable(),
  reason: z.string().nullable(),
  at: isoDateTime,
});

export const moderationItemSchema = z.object({
  kind: z.enum(['post', 'comment']),
  id: z.string(),
  /** The post a comment belongs to (the post's own id for a post). */
  postId: z.string(),
  state: contentState,
  reviewReasons: z.array(z.enum(REVIEW_REASONS)),
  text: z.string(),
  topicCode: z.string().nullable(),
  photos: z.array(z.object({ id: z.string(), thumbUrl: z.string(), displayUrl: z.string(), check: photoCheckSchema })),
  textVerdict: textVerdictSchema.nullable(),
  reports: z.array(moderationReportSchema),
  reportWeight: z.number().int(),
  author: z.object({ memberId: z.string(), nickname: z.string().nullable(), mutedUntil: isoDateTime.nullable() }),
  likeCount: z.number().int(),
  commentCount: z.number().int(),
  history: z.array(moderationHistorySchema),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

/** review: in_review; pending: awaiting WeChat; reported: visible with open reports; the rest by state. */
export const MODERATION_VIEWS = ['review', 'pending', 'reported', 'published', 'rejected', 'removed'] as const;

export const opsCommunityQueueRequest = z
  .object({ view: z.enum(MODERATION_VIEWS).default('review'), kind: z.enum(['post', 'comment']).default('post'), ...pageFields })
  .strict();
export const opsCommunityQueueResponse = pageOf(moderationItemSchema);

export const opsCommunityModerateRequest = z
  .object({
    target: communityTargetSchema,
    /** The state the moderator saw: another moderator's move in between makes this a 409. */
    expectedState: contentState,
    reason: opsReasonSchema,
  })
  .strict();
export const opsCommunityModerateResponse = moderationItemSchema;

export const opsCommunityAuthorRequest = z.object({ memberId: opsIdSchema, ...pageFields }).strict();
export const opsCommunityAuthorResponse = pageOf(moderationItemSchema).extend({
  author: z.object({
    memberId: z.string(),
    nickname: z.string().nullable(),
    mutedUntil: isoDateTime.nullable(),
    posts: z.number().int(),
    comments: z.number().int(),
    removed: z.number().int(),
    reportsUpheld: z.number().int(),
    reportsDismissed: z.number().int(),
  }),
});

export const opsCommunityMuteRequest = z
  .object({
    memberId: opsIdSchema,
    /** 0 lifts a mute. */
    days: z.number().int().min(0).max(365),
    reason: opsReasonSchema,
  })
  .strict();
export const opsCommunityMuteResponse = z.object({ memberId: z.string(), mutedUntil: isoDateTime.nullable() });

export const communityTopicForOpsSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  active: z.boolean(),
  sort: z.number().int(),
  version: z.number().int(),
});
export const opsCommunityTopicsListRequest = z.object({}).strict();
export const opsCommunityTopicsListResponse = z.object({ items: z.array(communityTopicForOpsSchema) });
export const opsCommunityTopicsSaveRequest = z
  .object({
    /** Absent: a new topic; present: an edit of the version loaded. */
    id: opsIdSchema.optional(),
    version: opsVersionSchema.optional(),
    code: z.string().regex(/^[a-z0-9-]{2,32}$/, '小写字母、数字或连字符，2–32 位'),
    name: z.string().trim().min(1).max(20).regex(/^[^#]+$/, '不含 #'),
    description: z.string().trim().max(100).nullable().default(null),
    active: z.boolean().default(true),
    sort: z.number().int().min(0).max(10_000).default(100),
    reason: opsReasonSchema,
  })
  .strict()
  .refine((input) => (input.id === undefined) === (input.version === undefined), { message: '修改须带上版本号', path: ['version'] });
export const opsCommunityTopicsSaveResponse = communityTopicForOpsSchema;

export const WORD_ACTIONS = ['block', 'review', 'replace'] as const;
export const moderationWordSchema = z.object({
  id: z.string(),
  word: z.string(),
  action: z.enum(WORD_ACTIONS),
  replacement: z.string().nullable(),
  version: z.number().int(),
  updatedAt: isoDateTime,
});
export const opsCommunityWordsListRequest = z.object({ query: z.string().trim().max(50).optional(), ...pageFields }).strict();
export const opsCommunityWordsListResponse = pageOf(moderationWordSchema);
export const opsCommunityWordsSaveRequest = z
  .object({
    id: opsIdSchema.optional(),
    version: opsVersionSchema.optional(),
    word: z.string().trim().min(1).max(50),
    action: z.enum(WORD_ACTIONS),
    /** For `replace`: what stands in for the word (default ***). */
    replacement: z.string().trim().max(20).nullable().default(null),
    reason: opsReasonSchema,
  })
  .strict()
  .refine((input) => (input.id === undefined) === (input.version === undefined), { message: '修改须带上版本号', path: ['version'] });
export const opsCommunityWordsSaveResponse = moderationWordSchema;
export const opsCommunityWordsDeleteRequest = z.object({ id: opsIdSchema, version: opsVersionSchema, reason: opsReasonSchema }).strict();
export const opsCommunityWordsDeleteResponse = z.object({ ok: z.literal(true) });

export type ModerationItem = z.infer<typeof moderationItemSchema>;
export type OpsCommunityModerateRequest = z.infer<typeof opsCommunityModerateRequest>;
export type OpsCommunityQueueRequest = z.infer<typeof opsCommunityQueueRequest>;
export type OpsCommunityTopicsSaveRequest = z.infer<typeof opsCommunityTopicsSaveRequest>;
export type OpsCommunityWordsSaveRequest = z.infer<typeof opsCommunityWordsSaveRequest>;
export type WordAction = (typeof WORD_ACTIONS)[number];

import { z } from 'zod';
import { memberTextInput } from '../text/memberText.schema.js';
import { SENTIMENT_CLASSES } from './sentiment.rules.js';

const objectId = z.string().regex(/^[0-9a-f]{24}$/, '无效的编号');
const isoDateTime = z.iso.datetime({ offset: true });
export const RATING_COMMENT_MAX_LENGTH = 300;
export const RATED_SUBJECTS = ['order', 'writeoff'] as const;
/** reviewing: held for a moderator (only its author sees it); hidden: a moderator took a published comment down. */
export const COMMENT_STATES = ['none', 'published', 'reviewing', 'hidden'] as const;
export type CommentState = (typeof COMMENT_STATES)[number];
/** Where a comment was written: a rating of an order or write-off, or an NPS answer. */
export const SATISFACTION_COMMENT_KINDS = ['rating', 'nps'] as const;
export type SatisfactionCommentKind = (typeof SATISFACTION_COMMENT_KINDS)[number];
export type RatedSubject = (typeof RATED_SUBJECTS)[number];

const ratingSubject = z.object({ type: z.enum(RATED_SUBJECTS), id: objectId }).strict();
const comment = memberTextInput({ min: 0, max: RATING_COMMENT_MAX_LENGTH, multiline: true });

/** A member's rating of a fulfilled order or a write-off of theirs: once per subject. */
export const satisfactionRateRequest = z.object({ subject: ratingSubject, stars: z.number().int().min(1).max(5), comment: comment.default('') }).strict();
const ratingSchema = z.object({
  subject: ratingSubject,
  stars: z.number().int(),
  comment: z.string(),
  /** reviewing: the comment waits for a moderator (only its author sees it meanwhile). */
  commentState: z.enum(COMMENT_STATES),
  createdAt: isoDateTime,
});
export const satisfactionRateResponse = z.object({ rating: ratingSchema });

export const satisfactionRatingOfRequest = z.object({ subject: ratingSubject }).strict();
export const satisfactionRatingOfResponse = z.object({ rating: ratingSchema.nullable(), canRate: z.boolean() });

/** The NPS question, once per member per survey round (a Shanghai calendar quarter), from a page campaigns link to. */
export const satisfactionNpsRequest = z
  .object({
    score: z.number().int().min(0).max(10),
    comment: comment.default(''),
    /** The campaign delivery the member came from (`?delivery=` of the landing page), for attribution. */
    delivery: objectId.optional(),
  })
  .strict();
const npsAnswerSchema = z.object({ round: z.string(), score: z.number().int(), comment: z.string(), createdAt: isoDateTime });
export const satisfactionNpsResponse = z.object({ answer: npsAnswerSchema });
export const satisfactionNpsMineRequest = z.object({}).strict();
export const satisfactionNpsMineResponse = z.object({ round: z.string(), answer: npsAnswerSchema.nullable() });

const count = z.number().int();
const businessDay = z.iso.date();
const withinAYear = (range: { from: string; to: string }): boolean => range.from <= range.to && (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 < 366;
const dayRange = z.object({ from: businessDay, to: businessDay }).strict().refine(withinAYear, { message: '日期范围须在 366 天内', path: ['to'] });
/** The satisfaction dashboard's tables, each exported on its own: per day, the four sentiment classes, the complaint words. */
export const SATISFACTION_EXPORT_TABLES = ['days', 'sentiment', 'complaints'] as const;
export type SatisfactionExportTable = (typeof SATISFACTION_EXPORT_TABLES)[number];

export const opsInsightsSatisfactionRequest = dayRange;
const sentimentCounts = z.object(Object.fromEntries(SENTIMENT_CLASSES.map((name) => [name, count])) as Record<(typeof SENTIMENT_CLASSES)[number], typeof count>);
export const opsInsightsSatisfactionResponse = z.object({
  nps: z.object({ responses: count, promoters: count, passives: count, detractors: count, nps: z.number().nullable(), target: count }),
  csat: z.object({ responses: count, averageStars: z.number().nullable(), satisfiedPermille: count.nullable() }),
  /** Ratings by stars over the range: [1 star, …, 5 stars]. */
  stars: z.array(count).length(5),
  /** Comments (ratings and NPS answers) by the plan's four classes, with their shares and target shares in per mille. */
  sentiment: z.object({
    counts: sentimentCounts,
    shares: z.object(Object.fromEntries(SENTIMENT_CLASSES.map((name) => [name, count.nullable()])) as Record<(typeof SENTIMENT_CLASSES)[number], z.ZodNullable<typeof count>>),
    targets: sentimentCounts,
  }),
  /** The lexicon's words negative comments used most, most frequent first (at most 20). */
  complaintWords: z.array(z.object({ word: z.string(), count })),
  /** Each day: NPS answers by class, ratings and their stars, comments by sentiment. */
  days: z.array(
    z.object({
      day: businessDay,
      npsResponses: count,
      promoters: count,
      passives: count,
      detractors: count,
      nps: z.number().nullable(),
      ratings: count,
      averageStars: z.number().nullable(),
      /** That day's ratings by stars: [1 star, …, 5 stars]. */
      stars: z.array(count).length(5),
      sentiment: sentimentCounts,
    }),
  ),
});
export const opsInsightsSatisfactionExportRequest = z
  .object({ from: businessDay, to: businessDay, table: z.enum(SATISFACTION_EXPORT_TABLES).default('days') })
  .strict()
  .refine(withinAYear, { message: '日期范围须在 366 天内', path: ['to'] });

/** The latest published comments (ratings and NPS answers), newest first; the member only as a masked id. */
export const opsSatisfactionCommentsRequest = z
  .object({ limit: z.number().int().min(1).max(50).default(20), sentiment: z.enum(SENTIMENT_CLASSES).optional() })
  .strict();
const satisfactionCommentSchema = z.object({
  kind: z.enum(SATISFACTION_COMMENT_KINDS),
  id: z.string(),
  /** The member id with its middle masked: enough to tell two comments' authors apart, not to look one up. */
  member: z.string(),
  /** What was rated (ratings only). */
  subjectType: z.enum(RATED_SUBJECTS).nullable(),
  /** 1–5 stars of a rating, 0–10 of an NPS answer. */
  score: count,
  comment: z.string(),
  sentiment: z.enum(SENTIMENT_CLASSES).nullable(),
  createdAt: isoDateTime,
});
export const opsSatisfactionCommentsResponse = z.object({ items: z.array(satisfactionCommentSchema) });

/** A moderator takes a published comment down (the stars and the counts stay), audited with the reason. */
export const opsSatisfactionHideCommentRequest = z
  .object({ kind: z.enum(SATISFACTION_COMMENT_KINDS), id: objectId, reason: z.string().trim().min(2).max(200) })
  .strict();
export const opsSatisfactionHideCommentResponse = z.object({ comment: satisfactionCommentSchema.extend({ commentState: z.enum(COMMENT_STATES) }) });

export type SatisfactionRating = z.infer<typeof ratingSchema>;
export type SatisfactionNpsAnswer = z.infer<typeof npsAnswerSchema>;
export type SatisfactionComment = z.infer<typeof satisfactionCommentSchema>;
export type OpsSatisfactionCommentsRequest = z.infer<typeof opsSatisfactionCommentsRequest>;
export type OpsSatisfactionHideCommentRequest = z.infer<typeof opsSatisfactionHideCommentRequest>;
export type OpsInsightsSatisfactionExportRequest = z.infer<typeof opsInsightsSatisfactionExportRequest>;
export type OpsInsightsSatisfactionResponse = z.infer<typeof opsInsightsSatisfactionResponse>;

import { z } from 'zod';
import { memberTextInput } from '../text/memberText.schema.js';
import { SENTIMENT_CLASSES } from './sentiment.rules.js';

const objectId = z.string().regex(/^[0-9a-f]{24}$/, '无效的编号');
const isoDateTime = z.iso.datetime({ offset: true });
export const RATING_COMMENT_MAX_LENGTH = 300;
export const RATED_SUBJECTS = ['order', 'writeoff'] as const;
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
  commentState: z.enum(['none', 'published', 'reviewing']),
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
const dayRange = z
  .object({ from: businessDay, to: businessDay })
  .strict()
  .refine((range) => range.from <= range.to && (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 < 366, { message: '日期范围须在 366 天内', path: ['to'] });

export const opsInsightsSatisfactionRequest = dayRange;
const sentimentCounts = z.object(Object.fromEntries(SENTIMENT_CLASSES.map((name) => [name, count])) as Record<(typeof SENTIMENT_CLASSES)[number], typeof count>);
export const opsInsightsSatisfactionResponse = z.object({
  nps: z.object({ responses: count, promoters: count, passives: count, detractors: count, nps: z.number().nullable(), target: count }),
  csat: z.object({ responses: count, averageStars: z.number().nullable(), satisfiedPermille: count.nullable() }),
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
    z.object({ day: businessDay, npsResponses: count, nps: z.number().nullable(), ratings: count, averageStars: z.number().nullable(), sentiment: sentimentCounts }),
  ),
});
export const opsInsightsSatisfactionExportRequest = dayRange;

export type SatisfactionRating = z.infer<typeof ratingSchema>;
export type SatisfactionNpsAnswer = z.infer<typeof npsAnswerSchema>;
export type OpsInsightsSatisfactionResponse = z.infer<typeof opsInsightsSatisfactionResponse>;

import { z } from 'zod';
import { memberTextInput } from '../text/memberText.schema.js';
import { COMMENT_TEXT_MAX_LENGTH, POST_PHOTOS_MAX, POST_TEXT_MAX_LENGTH, REPORT_REASONS } from './community.rules.js';

const isoDateTime = z.iso.datetime({ offset: true });
const objectId = z.string().regex(/^[0-9a-f]{24}$/, 'must be an id');
const topicCode = z.string().regex(/^[a-z0-9-]{2,32}$/, 'must be a topic code');
const cursor = z.string().max(200).nullable().default(null);
const idempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const communityTopicSchema = z.object({
  code: topicCode,
  /** Shown as #name#. */
  name: z.string(),
  description: z.string().nullable(),
});

export const communityPhotoSchema = z.object({
  id: z.string(),
  /** Paths on the BFF (the mini-program prefixes its API base); immutable, cached for a year. */
  thumbUrl: z.string(),
  displayUrl: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});

/** Never the author's member id or openid: a nickname (the default one while theirs is in review) and an avatar. */
export const communityAuthorSchema = z.object({ nickname: z.string(), avatarUrl: z.string().nullable() });

export const memberContentStatusSchema = z.enum(['published', 'reviewing', 'rejected']);

export const communityPostSchema = z.object({
  id: z.string(),
  author: communityAuthorSchema,
  text: z.string(),
  topic: communityTopicSchema.nullable(),
  photos: z.array(communityPhotoSchema),
  likeCount: z.number().int().min(0),
  commentCount: z.number().int().min(0),
  /** Whether the viewer likes it (false for a visitor). */
  liked: z.boolean(),
  /** Whether the viewer wrote it. */
  mine: z.boolean(),
  /** Others only ever see `published`; the author also sees 审核中 (reviewing) and 未通过 (rejected). */
  status: memberContentStatusSchema,
  createdAt: isoDateTime,
});

export const communityCommentSchema = z.object({
  id: z.string(),
  postId: z.string(),
  /** The top-level comment a reply belongs to (comments are one level deep); null for a top-level comment. */
  parentId: z.string().nullable(),
  /** Whom a reply answers. */
  replyTo: communityAuthorSchema.nullable(),
  author: communityAuthorSchema,
  text: z.string(),
  mine: z.boolean(),
  status: memberContentStatusSchema,
  createdAt: isoDateTime,
});

export const communityFeedRequest = z
  .object({
    sort: z.enum(['latest', 'hot']).default('latest'),
    topicCode: topicCode.optional(),
    cursor,
    limit: z.number().int().min(1).max(20).default(10),
  })
  .strict();
export const communityFeedResponse = z.object({ items: z.array(communityPostSchema), nextCursor: z.string().nullable() });

export const communityTopicsRequest = z.object({}).strict();
export const communityTopicsResponse = z.object({ topics: z.array(communityTopicSchema) });

export const communityPostRequest = z.object({ postId: objectId }).strict();
export const communityPostResponse = z.object({ post: communityPostSchema });

export const communityCommentsRequest = z.object({ postId: objectId, cursor, limit: z.number().int().min(1).max(50).default(20) }).strict();
export const communityCommentsResponse = z.object({ items: z.array(communityCommentSchema), nextCursor: z.string().nullable() });

export const communityCreateRequest = z
  .object({
    text: memberTextInput({ min: 0, max: POST_TEXT_MAX_LENGTH, multiline: true }),
    /** Photos uploaded first (COMMUNITY_PHOTO_UPLOAD_PATH), in the order shown. */
    photoIds: z.array(objectId).max(POST_PHOTOS_MAX).default([]),
    topicCode: topicCode.nullable().default(null),
    /** One post per key: a retried submit answers the post it made. */
    idempotencyKey,
  })
  .strict()
  .refine((input) => input.text !== '' || input.photoIds.length > 0, { message: '写点什么或添加图片', path: ['text'] })
  .refine((input) => new Set(input.photoIds).size === input.photoIds.length, { message: '图片重复', path: ['photoIds'] });
export const communityCreateResponse = z.object({ post: communityPostSchema });

export const communityDeleteRequest = z.object({ postId: objectId }).strict();
export const communityDeleteResponse = z.object({ ok: z.literal(true) });

export const communityLikeRequest = z.object({ postId: objectId }).strict();
export const communityLikeResponse = z.object({ liked: z.boolean(), likeCount: z.number().int().min(0) });

export const communityCommentRequest = z
  .object({
    postId: objectId,
    text: memberTextInput({ max: COMMENT_TEXT_MAX_LENGTH, multiline: true }),
    /** Answer this comment (or reply): the answer joins its thread, addressed to its author. */
    replyToCommentId: objectId.optional(),
    idempotencyKey,
  })
  .strict();
export const communityCommentResponse = z.object({ comment: communityCommentSchema });

export const communityDeleteCommentRequest = z.object({ commentId: objectId }).strict();
export const communityDeleteCommentResponse = z.object({ ok: z.literal(true) });

export const communityTargetSchema = z.object({ kind: z.enum(['post', 'comment']), id: objectId }).strict();

export const communityReportRequest = z
  .object({
    target: communityTargetSchema,
    reason: z.enum(REPORT_REASONS),
    note: memberTextInput({ min: 0, max: 200 }).optional(),
  })
  .strict();
export const communityReportResponse = z.object({ reported: z.literal(true) });

export const communityBlockRequest = z.object({ target: communityTargetSchema }).strict();
export const communityBlockResponse = z.object({ blockId: z.string() });
export const communityBlocksRequest = z.object({}).strict();
export const communityBlocksResponse = z.object({ items: z.array(z.object({ blockId: z.string(), author: communityAuthorSchema, blockedAt: isoDateTime })) });
export const communityUnblockRequest = z.object({ blockId: objectId }).strict();
export const communityUnblockResponse = z.object({ ok: z.literal(true) });

/** What the photo upload answers (outside the route table: multipart). */
export const communityPhotoUploadResponse = communityPhotoSchema;

export type CommunityPost = z.infer<typeof communityPostSchema>;
export type CommunityComment = z.infer<typeof communityCommentSchema>;
export type CommunityPhoto = z.infer<typeof communityPhotoSchema>;
export type CommunityTopic = z.infer<typeof communityTopicSchema>;
export type CommunityAuthor = z.infer<typeof communityAuthorSchema>;
export type CommunityTarget = z.infer<typeof communityTargetSchema>;
export type CommunityCreateRequest = z.infer<typeof communityCreateRequest>;
export type CommunityCommentRequest = z.infer<typeof communityCommentRequest>;
export type CommunityFeedRequest = z.infer<typeof communityFeedRequest>;

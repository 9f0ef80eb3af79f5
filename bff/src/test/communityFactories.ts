import { randomBytes } from 'node:crypto';
import { hotScore, type ContentState } from '@cakeday/shared';
import { Types } from 'mongoose';
import sharp from 'sharp';
import type { Config } from '../config/config';
import { CommunityCommentModel, type CommunityComment } from '../community/CommunityComment.model';
import { CommunityPostModel, type CommunityPost } from '../community/CommunityPost.model';
import { CommunityTopicModel, type CommunityTopic } from '../community/CommunityTopic.model';
import type { Member } from '../members/Member.model';
import { createWechatClients, type WechatClients } from '../wechat/clients';
import type { MediaCheckRequest } from '../wechat/types';
import { buildMember, sessionFor } from './factories';

const unique = (): string => randomBytes(4).toString('hex');

/** A member who may write in the community (a bound phone), with a session. */
export async function buildWriter(overrides: Partial<Member> = {}): Promise<{ member: Member; id: string; auth: string }> {
  const member = await buildMember({
    nickname: `会员${unique().slice(0, 4)}`,
    phone: { ciphertext: 'test', masked: '138****0000', boundAt: new Date() },
    ...overrides,
  });
  return { member, id: member._id.toHexString(), auth: await sessionFor(member) };
}

/** A post stored as community.create would leave it (published by default). */
export async function buildPost(overrides: Partial<CommunityPost> & { author?: Member } = {}): Promise<CommunityPost> {
  const { author, ...fields } = overrides;
  const authorId = author?._id ?? fields.authorId ?? (await buildMember())._id;
  const createdAt = fields.createdAt ?? new Date();
  const state: ContentState = fields.state ?? 'published';
  const created = await CommunityPostModel.create({
    authorId,
    createKey: `${authorId.toHexString()}:${unique()}`,
    text: '今天的蛋糕真好吃',
    topicCode: null,
    photoIds: [],
    likeCount: 0,
    commentCount: 0,
    hotScore: hotScore({ likes: fields.likeCount ?? 0, comments: fields.commentCount ?? 0 }, createdAt),
    state,
    reviewReasons: [],
    textVerdict: null,
    history: [],
    verdictDueAt: null,
    publishedAt: state === 'published' ? createdAt : null,
    updatedAt: createdAt,
    ...fields,
    createdAt,
  });
  return created.toObject();
}

/** A published comment on a post, counted as createComment counts it. */
export async function buildComment(post: CommunityPost, overrides: Partial<CommunityComment> = {}): Promise<CommunityComment> {
  const authorId = overrides.authorId ?? (await buildMember())._id;
  const now = overrides.createdAt ?? new Date();
  const created = await CommunityCommentModel.create({
    postId: post._id,
    postAuthorId: post.authorId,
    authorId,
    createKey: `${authorId.toHexString()}:${unique()}`,
    parentId: null,
    replyToMemberId: null,
    text: '生日快乐！',
    state: 'published',
    reviewReasons: [],
    textVerdict: null,
    countSeq: 0,
    countPending: false,
    history: [],
    updatedAt: now,
    ...overrides,
    createdAt: now,
  });
  if (created.state === 'published') await CommunityPostModel.updateOne({ _id: post._id }, { $inc: { commentCount: 1 } });
  return created.toObject();
}

export async function buildTopic(overrides: Partial<CommunityTopic> = {}): Promise<CommunityTopic> {
  const now = new Date();
  const created = await CommunityTopicModel.create({ code: `topic-${unique()}`, name: '晒生日', description: null, active: true, sort: 100, version: 0, createdAt: now, updatedAt: now, ...overrides });
  return created.toObject();
}

/** The mediaCheckAsync calls the BFF made, and what the stand-in answered. */
export interface MediaCheckRecorder {
  calls: (MediaCheckRequest & { traceId: string })[];
  /** Makes the next calls fail as WeChat being unavailable. */
  failNext(count: number): void;
  /** Runs before a call is answered (a verdict pushed faster than the BFF records the trace). */
  beforeAnswer: ((traceId: string) => Promise<void>) | null;
}

/**
 * The WeChat adapters against the sandbox, with mediaCheckAsync answered here (the sandbox's side of it and the
 * push of verdicts are built with the message push endpoint): each call gets a fresh trace id.
 */
export function wechatWithMediaCheckStandIn(config: Config): { wechat: WechatClients; media: MediaCheckRecorder } {
  const real = createWechatClients(config);
  let failures = 0;
  const media: MediaCheckRecorder = {
    calls: [],
    failNext: (count) => {
      failures = count;
    },
    beforeAnswer: null,
  };
  const wechat: WechatClients = {
    ...real,
    security: {
      checkText: (input) => real.security.checkText(input),
      mediaCheckAsync: async (input) => {
        if (failures > 0) {
          failures -= 1;
          throw new Error('media_check_async unavailable');
        }
        const traceId = `trace-${new Types.ObjectId().toHexString()}`;
        media.calls.push({ ...input, traceId });
        await media.beforeAnswer?.(traceId);
        return { traceId };
      },
    },
  };
  return { wechat, media };
}

/** A JPEG taken "with a phone": EXIF with GPS coordinates and a camera make. */
export function photoWithGps(width = 1600, height = 1200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 250, g: 200, b: 180 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'CakeCam', Model: 'Birthday 1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 1234/100', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 4567/100' },
    })
    .toBuffer();
}

export function pngPhoto(width = 400, height = 300): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 0, g: 120, b: 200, alpha: 0.5 } } }).png().toBuffer();
}

import { defineRoutes } from '../api/route.js';
import * as schema from './community.schema.js';

/** The members' community: anyone reads published posts; writing needs a session (and a bound phone). */
export const communityRoutes = defineRoutes({
  'community.feed': {
    auth: 'public',
    summary: '社区动态：最新或热门（点赞与评论随时间衰减），可按话题筛选，游标分页；作者还能看到自己审核中的帖子',
    request: schema.communityFeedRequest,
    response: schema.communityFeedResponse,
  },
  'community.topics': {
    auth: 'public',
    summary: '社区话题（#晒生日# 等，由运营维护）',
    request: schema.communityTopicsRequest,
    response: schema.communityTopicsResponse,
  },
  'community.post': {
    auth: 'public',
    summary: '一条帖子（已发布，或作者本人的审核中帖子）',
    request: schema.communityPostRequest,
    response: schema.communityPostResponse,
  },
  'community.comments': {
    auth: 'public',
    summary: '帖子的评论与回复（一层楼中楼），按时间正序游标分页',
    request: schema.communityCommentsRequest,
    response: schema.communityCommentsResponse,
  },
  'community.create': {
    auth: 'member',
    summary: '发帖：文字（≤1000字）与最多9张已上传的图片，可选话题；需绑定手机号，每日限量；图片审核通过前仅自己可见',
    request: schema.communityCreateRequest,
    response: schema.communityCreateResponse,
  },
  'community.delete': {
    auth: 'member',
    summary: '删除自己的帖子',
    request: schema.communityDeleteRequest,
    response: schema.communityDeleteResponse,
  },
  'community.like': {
    auth: 'member',
    summary: '点赞（每人每帖一次，重复点赞不重复计数）',
    request: schema.communityLikeRequest,
    response: schema.communityLikeResponse,
  },
  'community.unlike': {
    auth: 'member',
    summary: '取消点赞',
    request: schema.communityLikeRequest,
    response: schema.communityLikeResponse,
  },
  'community.comment': {
    auth: 'member',
    summary: '评论帖子或回复某人；需绑定手机号，每日限量',
    request: schema.communityCommentRequest,
    response: schema.communityCommentResponse,
  },
  'community.deleteComment': {
    auth: 'member',
    summary: '删除自己的评论',
    request: schema.communityDeleteCommentRequest,
    response: schema.communityDeleteCommentResponse,
  },
  'community.report': {
    auth: 'member',
    summary: '举报帖子或评论（每人每条一次）',
    request: schema.communityReportRequest,
    response: schema.communityReportResponse,
  },
  'community.block': {
    auth: 'member',
    summary: '屏蔽帖子或评论的作者：其内容不再出现在我的社区里',
    request: schema.communityBlockRequest,
    response: schema.communityBlockResponse,
  },
  'community.blocks': {
    auth: 'member',
    summary: '我屏蔽的作者',
    request: schema.communityBlocksRequest,
    response: schema.communityBlocksResponse,
  },
  'community.unblock': {
    auth: 'member',
    summary: '取消屏蔽',
    request: schema.communityUnblockRequest,
    response: schema.communityUnblockResponse,
  },
});

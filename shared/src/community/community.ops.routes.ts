import { defineRoutes } from '../api/route.js';
import * as schema from './community.ops.schema.js';

/** The console's moderation of the community (moderators), and its topics and word list (ops and moderators). */
export const communityOpsRoutes = defineRoutes({
  'ops.community.queue': {
    auth: 'ops',
    permission: ['read', 'Moderation'],
    summary: '审核队列：待复核、待微信结果、被举报等帖子或评论，含检测结果、标签与举报',
    request: schema.opsCommunityQueueRequest,
    response: schema.opsCommunityQueueResponse,
  },
  'ops.community.approve': {
    auth: 'ops',
    permission: ['update', 'Moderation'],
    summary: '审核通过（发布），须填写原因',
    request: schema.opsCommunityModerateRequest,
    response: schema.opsCommunityModerateResponse,
  },
  'ops.community.remove': {
    auth: 'ops',
    permission: ['update', 'Moderation'],
    summary: '下架帖子或评论，须填写原因',
    request: schema.opsCommunityModerateRequest,
    response: schema.opsCommunityModerateResponse,
  },
  'ops.community.restore': {
    auth: 'ops',
    permission: ['update', 'Moderation'],
    summary: '恢复已下架或未通过的内容，须填写原因',
    request: schema.opsCommunityModerateRequest,
    response: schema.opsCommunityModerateResponse,
  },
  'ops.community.author': {
    auth: 'ops',
    permission: ['read', 'Moderation'],
    summary: '作者的发帖与评论记录、举报记录与禁言状态',
    request: schema.opsCommunityAuthorRequest,
    response: schema.opsCommunityAuthorResponse,
  },
  'ops.community.mute': {
    auth: 'ops',
    permission: ['update', 'Moderation'],
    summary: '禁言作者一段时间（0 天为解除），须填写原因',
    request: schema.opsCommunityMuteRequest,
    response: schema.opsCommunityMuteResponse,
  },
  'ops.community.topics.list': {
    auth: 'ops',
    permission: ['read', 'CommunityRules'],
    summary: '社区话题列表',
    request: schema.opsCommunityTopicsListRequest,
    response: schema.opsCommunityTopicsListResponse,
  },
  'ops.community.topics.save': {
    auth: 'ops',
    permission: ['update', 'CommunityRules'],
    summary: '新建或修改话题（上下线、排序）',
    request: schema.opsCommunityTopicsSaveRequest,
    response: schema.opsCommunityTopicsSaveResponse,
  },
  'ops.community.words.list': {
    auth: 'ops',
    permission: ['read', 'CommunityRules'],
    summary: '本地敏感词库（拦截、送审、替换）',
    request: schema.opsCommunityWordsListRequest,
    response: schema.opsCommunityWordsListResponse,
  },
  'ops.community.words.save': {
    auth: 'ops',
    permission: ['update', 'CommunityRules'],
    summary: '新增或修改敏感词',
    request: schema.opsCommunityWordsSaveRequest,
    response: schema.opsCommunityWordsSaveResponse,
  },
  'ops.community.words.delete': {
    auth: 'ops',
    permission: ['update', 'CommunityRules'],
    summary: '删除敏感词',
    request: schema.opsCommunityWordsDeleteRequest,
    response: schema.opsCommunityWordsDeleteResponse,
  },
});

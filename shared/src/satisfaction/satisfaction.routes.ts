import { defineRoutes } from '../api/route.js';
import {
  opsSatisfactionCommentsRequest,
  opsSatisfactionCommentsResponse,
  opsSatisfactionHideCommentRequest,
  opsSatisfactionHideCommentResponse,
  satisfactionNpsMineRequest,
  satisfactionNpsMineResponse,
  satisfactionNpsRequest,
  satisfactionNpsResponse,
  satisfactionRateRequest,
  satisfactionRateResponse,
  satisfactionRatingOfRequest,
  satisfactionRatingOfResponse,
} from './satisfaction.schema.js';

export const satisfactionRoutes = defineRoutes({
  'satisfaction.rate': {
    auth: 'member',
    summary: '评价已完成的订单或核销（1–5 星与评语；评语经内容安全检查，每项只能评价一次）',
    request: satisfactionRateRequest,
    response: satisfactionRateResponse,
  },
  'satisfaction.ratingOf': {
    auth: 'member',
    summary: '我对某个订单或核销的评价（没有则为 null），以及现在能否评价',
    request: satisfactionRatingOfRequest,
    response: satisfactionRatingOfResponse,
  },
  'satisfaction.nps': {
    auth: 'member',
    summary: '回答推荐意愿（NPS，0–10 分，可附评语），每季度（上海时间）一次',
    request: satisfactionNpsRequest,
    response: satisfactionNpsResponse,
  },
  'satisfaction.npsMine': {
    auth: 'member',
    summary: '本季度我是否已回答推荐意愿',
    request: satisfactionNpsMineRequest,
    response: satisfactionNpsMineResponse,
  },
  'ops.satisfaction.comments': {
    auth: 'ops',
    permission: ['read', 'Dashboard'],
    summary: '最新的评价与 NPS 评语（仅已发布的，会员编号打码），可按情感筛选',
    request: opsSatisfactionCommentsRequest,
    response: opsSatisfactionCommentsResponse,
  },
  'ops.satisfaction.moderationComments': {
    auth: 'ops',
    permission: ['read', 'Moderation'],
    summary: '审核员看到的最新评价与 NPS 评语（同 ops.satisfaction.comments），以便隐藏不当评语',
    request: opsSatisfactionCommentsRequest,
    response: opsSatisfactionCommentsResponse,
  },
  'ops.satisfaction.hideComment': {
    auth: 'ops',
    permission: ['update', 'Moderation'],
    summary: '隐藏一条已发布的评语（星级与统计保留），记录审计与原因',
    request: opsSatisfactionHideCommentRequest,
    response: opsSatisfactionHideCommentResponse,
  },
});

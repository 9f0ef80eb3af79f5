import { defineRoutes } from '../api/route.js';
import {
  referralInviteRequest,
  referralInviteResponse,
  referralMineRequest,
  referralMineResponse,
  referralPosterRequest,
  referralPosterResponse,
} from './referral.schema.js';

export const referralRoutes = defineRoutes({
  'referral.mine': {
    auth: 'member',
    summary: '邀请好友：我的邀请码、邀请分享信息、规则与邀请记录',
    request: referralMineRequest,
    response: referralMineResponse,
  },
  'referral.invite': {
    auth: 'public',
    summary: '邀请落地页：邀请人的昵称头像与新会员礼（欢迎券）；未登录也可查看',
    request: referralInviteRequest,
    response: referralInviteResponse,
  },
  'referral.poster': {
    auth: 'member',
    summary: '邀请海报：带小程序码（getwxacodeunlimit）的 PNG，base64',
    request: referralPosterRequest,
    response: referralPosterResponse,
  },
});

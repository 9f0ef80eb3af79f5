import { defineRoutes } from '../api/route.js';
import { referralMineRequest, referralMineResponse, referralPosterRequest, referralPosterResponse } from './referral.schema.js';

export const referralRoutes = defineRoutes({
  'referral.mine': {
    auth: 'member',
    summary: '邀请好友：我的邀请码、邀请分享信息、规则与邀请记录',
    request: referralMineRequest,
    response: referralMineResponse,
  },
  'referral.poster': {
    auth: 'member',
    summary: '邀请海报：带小程序码（getwxacodeunlimit）的 PNG，base64',
    request: referralPosterRequest,
    response: referralPosterResponse,
  },
});

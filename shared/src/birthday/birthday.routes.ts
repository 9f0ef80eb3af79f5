import { defineRoutes } from '../api/route.js';
import { birthdayBenefitsRequest, birthdayBenefitsResponse, birthdayClaimRequest, birthdayClaimResponse } from './birthday.schema.js';

export const birthdayRoutes = defineRoutes({
  'birthday.benefits': {
    auth: 'member',
    summary: '生日礼：倒计时、现在可领取与即将开放的生日礼包（按会员等级），生日当天的贺卡',
    request: birthdayBenefitsRequest,
    response: birthdayBenefitsResponse,
  },
  'birthday.claim': {
    auth: 'member',
    summary: '领取生日礼包：每个生日年度每个礼包只发一次券（并发点击也只发一次）',
    request: birthdayClaimRequest,
    response: birthdayClaimResponse,
  },
});

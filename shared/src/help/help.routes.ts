import { defineRoutes } from '../api/route.js';
import {
  helpAssistRequest,
  helpAssistResponse,
  helpGetRequest,
  helpGetResponse,
  helpMineRequest,
  helpMineResponse,
  helpPosterRequest,
  helpPosterResponse,
  helpStartRequest,
  helpStartResponse,
} from './help.schema.js';

export const helpRoutes = defineRoutes({
  'help.mine': {
    auth: 'member',
    summary: '我的生日助力：能否发起、时间窗口、所需人数与规则、本次活动进度与分享信息',
    request: helpMineRequest,
    response: helpMineResponse,
  },
  'help.start': {
    auth: 'member',
    summary: '发起生日助力（生日前14天至生日后7天，每个生日一次）',
    request: helpStartRequest,
    response: helpStartResponse,
  },
  'help.get': {
    auth: 'public',
    summary: '好友打开助力卡：进度、好友头像、规则；未登录也可查看',
    request: helpGetRequest,
    response: helpGetResponse,
  },
  'help.assist': {
    auth: 'member',
    summary: '为好友助力：每人每活动一次，每天最多3个活动，风险账号不可助力；达成目标时礼物只解锁一次',
    request: helpAssistRequest,
    response: helpAssistResponse,
  },
  'help.poster': {
    auth: 'member',
    summary: '助力海报：带小程序码的 PNG，base64（需先发起活动）',
    request: helpPosterRequest,
    response: helpPosterResponse,
  },
});

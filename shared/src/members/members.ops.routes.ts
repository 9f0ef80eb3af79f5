import { csvExportResponse } from '../api/exports.js';
import { defineRoutes } from '../api/route.js';
import {
  opsMembersExportRequest,
  opsMembersGetRequest,
  opsMembersGetResponse,
  opsMembersRevealRequest,
  opsMembersRevealResponse,
  opsMembersSearchRequest,
  opsMembersSearchResponse,
} from './members.ops.schema.js';

export const membersOpsRoutes = defineRoutes({
  'ops.members.search': {
    auth: 'ops',
    permission: ['read', 'Member'],
    summary: '查找会员：手机号（精确匹配）、会员编号或昵称，可按等级、状态与注册时间筛选；个人信息已脱敏',
    request: opsMembersSearchRequest,
    response: opsMembersSearchResponse,
  },
  'ops.members.get': {
    auth: 'ops',
    permission: ['read', 'Member'],
    summary: '会员详情：资料（脱敏）、等级、积分（批次与明细）、订单、券、授权、邀请与生日助力',
    request: opsMembersGetRequest,
    response: opsMembersGetResponse,
  },
  'ops.members.reveal': {
    auth: 'ops',
    permission: ['reveal', 'MemberPersonalData'],
    summary: '查看完整信息（手机号、含年份的生日、昵称）：须填写原因，记入审计日志，仅供本次查看',
    request: opsMembersRevealRequest,
    response: opsMembersRevealResponse,
  },
  'ops.members.export': {
    auth: 'ops',
    permission: ['export', 'Member'],
    summary: '导出会员（CSV，流式，个人信息已脱敏）',
    request: opsMembersExportRequest,
    response: csvExportResponse,
    stream: 'csv',
  },
});

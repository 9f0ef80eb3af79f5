import { defineRoutes } from '../api/route.js';
import {
  membersBindPhoneRequest,
  membersBindPhoneResponse,
  membersDeleteRequest,
  membersDeleteResponse,
  membersExportRequest,
  membersExportResponse,
  membersMeRequest,
  membersMeResponse,
  membersSetBirthdayRequest,
  membersSetBirthdayResponse,
  membersUpdateRequest,
  membersUploadAvatarRequest,
  membersUploadAvatarResponse,
  membersUpdateResponse,
} from './members.schema.js';

export const membersRoutes = defineRoutes({
  'members.me': {
    auth: 'member',
    summary: '我的会员信息：资料、等级与升级进度、积分与 30 天内到期积分、券数量',
    request: membersMeRequest,
    response: membersMeResponse,
  },
  'members.update': {
    auth: 'member',
    summary: '修改昵称或头像',
    request: membersUpdateRequest,
    response: membersUpdateResponse,
  },
  'members.uploadAvatar': {
    auth: 'member',
    summary: '上传头像（chooseAvatar 或 H5 选择的图片，base64）；存于 BFF，返回资料',
    request: membersUploadAvatarRequest,
    response: membersUploadAvatarResponse,
    bodyLimit: '512kb',
  },
  'members.bindPhone': {
    auth: 'member',
    summary: '绑定手机号（getPhoneNumber 的 code）；只返回掩码号码',
    request: membersBindPhoneRequest,
    response: membersBindPhoneResponse,
  },
  'members.setBirthday': {
    auth: 'member',
    summary: '设置生日（需同意生日信息使用说明）；设置后 30 天内可修改一次',
    request: membersSetBirthdayRequest,
    response: membersSetBirthdayResponse,
  },
  'members.export': {
    auth: 'member',
    summary: '导出我的全部个人数据（JSON）',
    request: membersExportRequest,
    response: membersExportResponse,
  },
  'members.delete': {
    auth: 'member',
    summary: '注销会员：删除个人信息并使所有会话失效（不可恢复）',
    request: membersDeleteRequest,
    response: membersDeleteResponse,
  },
});

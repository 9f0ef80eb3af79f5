import { defineRoutes } from '../api/route.js';
import {
  opsBirthdayPackagesListRequest,
  opsBirthdayPackagesListResponse,
  opsBirthdayPackagesUpdateRequest,
  opsBirthdayPackagesUpdateResponse,
} from './birthday.ops.schema.js';

export const birthdayPackagesOpsRoutes = defineRoutes({
  'ops.birthdayPackages.list': {
    auth: 'ops',
    permission: ['read', 'BirthdayPackage'],
    summary: '各等级的生日礼包（可按等级筛选）',
    request: opsBirthdayPackagesListRequest,
    response: opsBirthdayPackagesListResponse,
  },
  'ops.birthdayPackages.update': {
    auth: 'ops',
    permission: ['update', 'BirthdayPackage'],
    summary: '修改生日礼包：适用等级、文案、礼品、领取时间、启用（需基于最新版本）',
    request: opsBirthdayPackagesUpdateRequest,
    response: opsBirthdayPackagesUpdateResponse,
  },
});

import { defineRoutes } from '../api/route.js';
import {
  opsSettingsCurrentRequest,
  opsSettingsCurrentResponse,
  opsSettingsHistoryRequest,
  opsSettingsHistoryResponse,
  opsSettingsUpdateRequest,
  opsSettingsUpdateResponse,
  settingsRulesRequest,
  settingsRulesResponse,
} from './settings.schema.js';

export const settingsRoutes = defineRoutes({
  'settings.rules': {
    auth: 'public',
    summary: '会员规则：各等级积分比例（含生日月）、升级门槛、积分有效期、生日礼与助力、邀请奖励、消息频次（当前生效的设置）',
    request: settingsRulesRequest,
    response: settingsRulesResponse,
  },
  'ops.settings.current': {
    auth: 'ops',
    permission: ['read', 'Settings'],
    summary: '当前生效的会员规则设置、已排期的版本与最新版本号',
    request: opsSettingsCurrentRequest,
    response: opsSettingsCurrentResponse,
  },
  'ops.settings.history': {
    auth: 'ops',
    permission: ['read', 'Settings'],
    summary: '会员规则设置的历史版本',
    request: opsSettingsHistoryRequest,
    response: opsSettingsHistoryResponse,
  },
  'ops.settings.update': {
    auth: 'ops',
    permission: ['update', 'Settings'],
    summary: '保存会员规则设置的新版本（基于最新版本，否则视为过期编辑被拒绝）；可指定生效时间',
    request: opsSettingsUpdateRequest,
    response: opsSettingsUpdateResponse,
  },
});

import { defineRoutes } from '../api/route.js';
import {
  writeoffHistoryRequest,
  writeoffHistoryResponse,
  writeoffPreviewRequest,
  writeoffPreviewResponse,
  writeoffRedeemRequest,
  writeoffRedeemResponse,
  writeoffStaffProfileRequest,
  writeoffStaffProfileResponse,
} from './writeoff.schema.js';

export const writeoffRoutes = defineRoutes({
  'writeoff.staffProfile': {
    auth: 'member',
    summary: '我是否为门店店员、所属门店（店员核销页入口）',
    request: writeoffStaffProfileRequest,
    response: writeoffStaffProfileResponse,
  },
  'writeoff.preview': {
    auth: 'staff',
    summary: '扫码后预览要核销的券或订单（不核销）',
    request: writeoffPreviewRequest,
    response: writeoffPreviewResponse,
  },
  'writeoff.redeem': {
    auth: 'staff',
    summary: '核销券或自提订单：只成功一次，记录门店与店员',
    request: writeoffRedeemRequest,
    response: writeoffRedeemResponse,
  },
  'writeoff.history': {
    auth: 'staff',
    summary: '本门店最近的核销记录',
    request: writeoffHistoryRequest,
    response: writeoffHistoryResponse,
  },
});

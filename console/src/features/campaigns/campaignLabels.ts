import type { CampaignAction, CampaignState, DryRunNeitherReason } from '@cakeday/shared';

export const STATE_LABELS: Record<CampaignState, { text: string; status: 'Default' | 'Processing' | 'Success' | 'Warning' | 'Error' }> = {
  draft: { text: '草稿', status: 'Default' },
  pending_approval: { text: '待审批', status: 'Warning' },
  approved: { text: '已通过', status: 'Processing' },
  running: { text: '进行中', status: 'Success' },
  paused: { text: '已暂停', status: 'Warning' },
  stopped: { text: '已终止', status: 'Error' },
  completed: { text: '已完成', status: 'Default' },
};

export const ACTION_LABELS: Record<Exclude<CampaignAction, 'complete'>, string> = {
  submit: '提交',
  approve: '审批通过',
  reject: '驳回',
  start: '启动',
  pause: '暂停',
  resume: '恢复',
  stop: '终止',
};

export const SKIP_LABELS: Record<string, string> = {
  holdout: '对照组',
  no_consent: '未同意营销消息',
  no_quota: '无订阅次数',
  quota_reserved: '次数留给后续提醒',
  cap: '超出频次上限',
  member_gone: '会员已注销',
  campaign_stopped: '活动已终止',
  expired: '活动已结束',
  quiet_hours: '免打扰时段（顺延）',
};

/** Why a dry run's member would get neither the subscription message nor the SMS (消息中心 only). */
export const NEITHER_LABELS: Record<DryRunNeitherReason, string> = {
  holdout: '对照组',
  cap: '超出频次上限',
  no_consent: '未同意营销消息',
  no_quota: '无订阅次数',
  no_phone: '未绑定手机号',
  no_sms_consent: '未同意短信营销',
  sms_unsubscribed: '已回复退订短信',
};

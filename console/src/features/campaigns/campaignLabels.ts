import { tierNames, type Campaign, type CampaignAction, type CampaignState, type DryRunNeitherReason } from '@cakeday/shared';

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
  no_longer_eligible: '已不再符合触发条件',
  quiet_hours: '免打扰时段（顺延）',
};

/** The trigger as the campaign list shows it (the lifecycle programmes' knobs included). */
export function triggerText(trigger: Campaign['trigger']): string {
  switch (trigger.kind) {
    case 'push':
      return `推送 ${trigger.sendAt.slice(0, 16).replace('T', ' ')}`;
    case 'birthday':
      return `生日 ${trigger.daysBefore.map((days) => (days === 0 ? '当天' : `前${days}天`)).join('、')}`;
    case 'welcome':
      return `首单后${trigger.withinHours}小时内`;
    case 'inactive':
      return `${trigger.days}天未消费`;
    case 'pointsExpiring':
      return `积分${trigger.withinDays}天内到期`;
    case 'memberDay':
      return `每月${trigger.dayOfMonth}日会员日`;
    case 'spend':
      return `单笔满${trigger.thresholdFen / 100}元`;
    case 'pointsMilestone':
      return `累计获得${trigger.points}积分`;
    case 'tierUpgrade':
      return `升级为${trigger.toTiers.map((tier) => tierNames[tier]).join('、')}`;
  }
}

/** The one number a lifecycle programme's trigger is tuned by, with its label and unit (null for push and birthday). */
export function lifecycleKnob(trigger: Campaign['trigger']): { label: string; value: number; with: (value: number) => Campaign['trigger'] } | null {
  switch (trigger.kind) {
    case 'welcome':
      return { label: '首单后多少小时内', value: trigger.withinHours, with: (value) => ({ ...trigger, withinHours: value }) };
    case 'inactive':
      return { label: '未消费天数', value: trigger.days, with: (value) => ({ ...trigger, days: value }) };
    case 'pointsExpiring':
      return { label: '积分到期前天数', value: trigger.withinDays, with: (value) => ({ ...trigger, withinDays: value }) };
    case 'memberDay':
      return { label: '每月几日（1–28）', value: trigger.dayOfMonth, with: (value) => ({ ...trigger, dayOfMonth: value }) };
    case 'spend':
      return { label: '单笔满（分）', value: trigger.thresholdFen, with: (value) => ({ ...trigger, thresholdFen: value }) };
    case 'pointsMilestone':
      return { label: '累计积分', value: trigger.points, with: (value) => ({ ...trigger, points: value }) };
    default:
      return null;
  }
}

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

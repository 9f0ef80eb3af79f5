import type { ContentState, ModerationAction, ModerationItem } from '@cakeday/shared';

export const contentStateLabels: Record<ContentState, string> = {
  pending: '待微信检测',
  in_review: '待复核',
  published: '已发布',
  rejected: '未通过',
  removed: '已下架',
  deleted: '作者已删除',
};
export const contentStateColors: Record<ContentState, string> = {
  pending: 'blue',
  in_review: 'gold',
  published: 'green',
  rejected: 'red',
  removed: 'default',
  deleted: 'default',
};

export const moderationViewLabels = {
  review: '待复核',
  pending: '待微信检测',
  reported: '被举报',
  published: '已发布',
  rejected: '未通过',
  removed: '已下架',
} as const;

export const kindLabels: Record<ModerationItem['kind'], string> = { post: '帖子', comment: '评论' };

export const actionLabels: Record<ModerationAction, string> = { approve: '通过', remove: '下架', restore: '恢复' };

export const photoCheckLabels: Record<ModerationItem['photos'][number]['check']['state'], string> = {
  unsent: '未送检',
  requested: '检测中',
  pass: '通过',
  review: '待人工',
  risky: '违规',
  failed: '送检失败',
};

export const textVerdictLabels: Record<NonNullable<ModerationItem['textVerdict']>['source'], string> = {
  word_list: '词库',
  wechat: '微信',
  unchecked: '未检测',
};

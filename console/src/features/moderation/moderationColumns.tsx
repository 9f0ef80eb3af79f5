import type { ProColumns } from '@ant-design/pro-components';
import { MODERATION_MOVES, REPORT_REASON_TEXTS, REVIEW_REASON_TEXTS, type ModerationAction, type ModerationItem } from '@cakeday/shared';
import { Image, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatBusinessDateTime } from '../../format/businessTime';
import { actionLabels, contentStateColors, contentStateLabels, kindLabels, moderationViewLabels, photoCheckLabels, textVerdictLabels } from './moderationLabels';

export interface ModerationActions {
  moderate: (item: ModerationItem, action: ModerationAction) => void;
  /** Absent where the author is muted from the page itself (their history). */
  mute?: (item: ModerationItem) => void;
}

const ACTIONS = Object.keys(MODERATION_MOVES) as ModerationAction[];
/** The moves a moderator may make from the state the item is in (the BFF refuses the others). */
export const actionsFor = (item: ModerationItem): ModerationAction[] => ACTIONS.filter((action) => (MODERATION_MOVES[action].from as readonly string[]).includes(item.state));

/** An author's history, below the queue's URL (/moderation/authors/<memberId>). */
export const authorHistoryPath = (memberId: string): string => `/moderation/authors/${memberId}`;

/** The queue's columns; 队列 and 类型 double as the search form. */
export function moderationColumns(actions: ModerationActions): ProColumns<ModerationItem>[] {
  return [
    { title: '队列', dataIndex: 'view', valueType: 'select', valueEnum: moderationViewLabels, hideInTable: true, fieldProps: { allowClear: false } },
    { title: '类型', dataIndex: 'kind', valueType: 'select', valueEnum: kindLabels, hideInTable: true, fieldProps: { allowClear: false } },
    { title: '发布时间', dataIndex: 'createdAt', hideInSearch: true, width: 150, render: (_dom, row) => formatBusinessDateTime(row.createdAt) },
    { title: '内容', dataIndex: 'text', hideInSearch: true, render: (_dom, row) => <Content item={row} /> },
    {
      title: '作者',
      dataIndex: 'author',
      hideInSearch: true,
      render: (_dom, row) => (
        <>
          <Link to={authorHistoryPath(row.author.memberId)} title="查看作者的发帖、评论与举报记录">
            {row.author.nickname ?? '（未设置昵称）'}
          </Link>
          {row.author.mutedUntil ? <Tag color="red">禁言至 {formatBusinessDateTime(row.author.mutedUntil)}</Tag> : null}
        </>
      ),
    },
    { title: '状态', dataIndex: 'state', hideInSearch: true, render: (_dom, row) => <StateCell item={row} /> },
    { title: '检测结果', dataIndex: 'textVerdict', hideInSearch: true, render: (_dom, row) => <Verdicts item={row} /> },
    { title: '举报', dataIndex: 'reports', hideInSearch: true, render: (_dom, row) => <Reports item={row} /> },
    {
      title: '操作',
      valueType: 'option',
      render: (_dom, row) => (
        <Space wrap>
          {actionsFor(row).map((action) => (
            <Typography.Link key={action} type={action === 'remove' ? 'danger' : undefined} onClick={() => actions.moderate(row, action)}>
              {actionLabels[action]}
            </Typography.Link>
          ))}
          {actions.mute ? <Typography.Link onClick={() => actions.mute?.(row)}>禁言作者</Typography.Link> : null}
        </Space>
      ),
    },
  ];
}

function Content({ item }: { item: ModerationItem }) {
  return (
    <>
      <Typography.Paragraph style={{ marginBottom: 4, whiteSpace: 'pre-wrap' }}>{item.text || '（无文字）'}</Typography.Paragraph>
      {item.photos.length > 0 ? (
        <Image.PreviewGroup>
          <Space size={4} wrap>
            {item.photos.map((photo) => (
              <Image key={photo.id} src={photo.thumbUrl} preview={{ src: photo.displayUrl }} width={64} height={64} style={{ objectFit: 'cover' }} alt="帖子图片" />
            ))}
          </Space>
        </Image.PreviewGroup>
      ) : null}
      <div style={{ fontSize: 12 }}>
        {kindLabels[item.kind]}
        {item.topicCode ? ` · #${item.topicCode}` : ''}
        {item.kind === 'post' ? ` · 赞 ${item.likeCount} · 评论 ${item.commentCount}` : ''}
      </div>
    </>
  );
}

function StateCell({ item }: { item: ModerationItem }) {
  const last = item.history.at(-1);
  return (
    <>
      <Tag color={contentStateColors[item.state]}>{contentStateLabels[item.state]}</Tag>
      {item.reviewReasons.map((reason) => (
        <div key={reason} style={{ fontSize: 12 }}>
          {REVIEW_REASON_TEXTS[reason]}
        </div>
      ))}
      {last?.reason ? (
        <div style={{ fontSize: 12 }}>
          {last.by ?? '系统'}：{last.reason}
        </div>
      ) : null}
    </>
  );
}

function Verdicts({ item }: { item: ModerationItem }) {
  return (
    <>
      {item.textVerdict ? (
        <div style={{ fontSize: 12 }}>
          文字（{textVerdictLabels[item.textVerdict.source]}）：{item.textVerdict.suggest ?? '—'}
          {item.textVerdict.label !== null ? ` · 标签 ${item.textVerdict.label}` : ''}
          {item.textVerdict.words.length > 0 ? ` · 命中 ${item.textVerdict.words.join('、')}` : ''}
        </div>
      ) : null}
      {item.photos.map((photo, index) => (
        <div key={photo.id} style={{ fontSize: 12 }}>
          图{index + 1}：{photoCheckLabels[photo.check.state]}
          {photo.check.label !== null ? ` · 标签 ${photo.check.label}` : ''}
        </div>
      ))}
    </>
  );
}

function Reports({ item }: { item: ModerationItem }) {
  if (item.reports.length === 0) return <Typography.Text type="secondary">无</Typography.Text>;
  return (
    <>
      <div>
        {item.reports.length} 次 · 权重 {item.reportWeight}
      </div>
      {item.reports.map((report, index) => (
        <div key={index} style={{ fontSize: 12 }}>
          {REPORT_REASON_TEXTS[report.reason]}
          {report.note ? `：${report.note}` : ''}
        </div>
      ))}
    </>
  );
}

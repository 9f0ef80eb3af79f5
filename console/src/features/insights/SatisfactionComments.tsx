import { SENTIMENT_CLASSES, sentimentClassNames, type SatisfactionComment, type SentimentClass } from '@cakeday/shared';
import { Alert, Button, Card, Select, Table } from 'antd';
import { useState } from 'react';
import { useOpsQuery } from '../../api/useOps';
import { formatBusinessDateTime } from '../../format/businessTime';
import { Can } from '../../session/currentSession';
import { HideCommentModal } from './HideCommentModal';

const SCORE = { rating: (score: number) => `${score} 星`, nps: (score: number) => `推荐 ${score} 分` } as const;
const SOURCE = { order: '订单评价', writeoff: '核销评价' } as const;

/**
 * The latest published comments of ratings and NPS answers (the member as a masked id only). Moderators hide one
 * with a reason (audited); analysts and ops read them beside the dashboard, moderators from the moderation page.
 */
export function SatisfactionComments({ route }: { route: 'ops.satisfaction.comments' | 'ops.satisfaction.moderationComments' }) {
  const [sentiment, setSentiment] = useState<SentimentClass | undefined>(undefined);
  const [hiding, setHiding] = useState<SatisfactionComment | null>(null);
  const comments = useOpsQuery(route, { limit: 20, ...(sentiment ? { sentiment } : {}) });
  return (
    <Card
      size="small"
      title="最新评语"
      extra={
        <Select<SentimentClass>
          allowClear
          placeholder="全部情感"
          style={{ width: 140 }}
          value={sentiment}
          onChange={setSentiment}
          options={SENTIMENT_CLASSES.map((name) => ({ label: sentimentClassNames[name], value: name }))}
        />
      }
    >
      {comments.error ? <Alert type="error" showIcon message={comments.error.message} /> : null}
      <Table<SatisfactionComment>
        size="small"
        rowKey={(row) => `${row.kind}-${row.id}`}
        loading={comments.isLoading}
        dataSource={comments.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '暂无已发布的评语' }}
        columns={[
          { title: '时间', dataIndex: 'createdAt', render: formatBusinessDateTime, width: 170 },
          { title: '来源', key: 'source', render: (_, row) => (row.subjectType ? SOURCE[row.subjectType] : 'NPS 问卷') },
          { title: '会员', dataIndex: 'member' },
          { title: '评分', key: 'score', render: (_, row) => SCORE[row.kind](row.score) },
          { title: '情感', dataIndex: 'sentiment', render: (value: SentimentClass | null) => (value ? sentimentClassNames[value] : '—') },
          { title: '评语', dataIndex: 'comment' },
          {
            title: '操作',
            key: 'actions',
            render: (_, row) => (
              <Can I="update" a="Moderation">
                <Button size="small" danger onClick={() => setHiding(row)}>
                  隐藏
                </Button>
              </Can>
            ),
          },
        ]}
      />
      {hiding ? (
        <HideCommentModal
          comment={hiding}
          onClose={() => setHiding(null)}
          onDone={() => {
            setHiding(null);
            void comments.refetch();
          }}
        />
      ) : null}
    </Card>
  );
}

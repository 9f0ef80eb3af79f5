import { formatBusinessDateTime } from '../../format/businessTime';
import { lifecycleStageNames } from '@cakeday/shared';
import { Alert, Card, Col, Progress, Row, Table, Typography } from 'antd';
import { useOpsQuery } from '../../api/useOps';

const SCORE_NAMES = { r: 'R 最近消费', f: 'F 消费频次', m: 'M 消费金额' } as const;

/** Members per lifecycle stage and per RFM score, as the segment job last computed them. */
export function SegmentsPanel() {
  const segments = useOpsQuery('ops.analytics.segments', {});
  if (segments.error) return <Alert type="error" showIcon message={segments.error.message} />;
  const data = segments.data;
  const segmented = data ? data.stages.reduce((sum, stage) => sum + stage.members, 0) : 0;
  return (
    <Card
      size="small"
      title="会员分层"
      loading={!data}
      extra={data ? <Typography.Text type="secondary">{data.segmentedAt ? `更新于 ${formatBusinessDateTime(data.segmentedAt)}` : '尚未计算'}{data.pending > 0 ? `，${data.pending} 人待更新` : ''}</Typography.Text> : null}
    >
      {data ? (
        <Row gutter={[24, 16]}>
          <Col xs={24} lg={10}>
            <Typography.Title level={5}>生命周期</Typography.Title>
            {data.stages.map((stage) => (
              <div key={stage.stage} data-testid={`stage-${stage.stage}`}>
                <Typography.Text>
                  {lifecycleStageNames[stage.stage]}：{stage.members.toLocaleString('zh-CN')} 人
                </Typography.Text>
                <Progress percent={segmented > 0 ? Math.round((stage.members * 1000) / segmented) / 10 : 0} size="small" />
              </div>
            ))}
          </Col>
          <Col xs={24} lg={14}>
            <Typography.Title level={5}>RFM 分值人数</Typography.Title>
            <Table
              size="small"
              rowKey="score"
              pagination={false}
              dataSource={[5, 4, 3, 2, 1, 0].map((score) => ({
                score,
                r: data.rfm.r.find((row) => row.score === score)?.members ?? 0,
                f: data.rfm.f.find((row) => row.score === score)?.members ?? 0,
                m: data.rfm.m.find((row) => row.score === score)?.members ?? 0,
              }))}
              columns={[
                { title: '分值', dataIndex: 'score', render: (score: number) => (score === 0 ? '0（无消费）' : score) },
                ...(Object.keys(SCORE_NAMES) as (keyof typeof SCORE_NAMES)[]).map((key) => ({ title: SCORE_NAMES[key], dataIndex: key, align: 'right' as const })),
              ]}
            />
          </Col>
        </Row>
      ) : null}
    </Card>
  );
}

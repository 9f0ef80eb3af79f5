import { SENTIMENT_CLASSES, sentimentClassNames, type OpsInsightsSatisfactionResponse, type SentimentClass } from '@cakeday/shared';
import { Alert, Card, Col, Row, Space, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useOpsQuery } from '../../api/useOps';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { Can } from '../../session/currentSession';
import { percentOf, type DayRange } from '../analytics/analyticsRange';
import { TrendChart } from '../analytics/TrendChart';
import { InsightsRangeBar, useInsightsRange, type RangeOption } from './InsightsRangeBar';
import { SatisfactionComments } from './SatisfactionComments';

type DayRow = OpsInsightsSatisfactionResponse['days'][number];
type SentimentRow = { name: SentimentClass; count: number; share: number | null; target: number };

const RANGES: readonly RangeOption[] = [
  { label: '近 30 天', value: 30 },
  { label: '近 90 天', value: 90 },
  { label: '近 365 天', value: 365 },
];
const STARS = [1, 2, 3, 4, 5] as const;
const number = (value: number | null) => (value === null ? '—' : value.toLocaleString('zh-CN'));

function ExportButton({ range, table, noun }: { range: DayRange; table: 'days' | 'sentiment' | 'complaints'; noun: string }) {
  return (
    <Can I="export" a="Dashboard">
      <ExportCsvButton route="ops.insights.satisfactionExport" input={() => ({ ...range, table })} noun={noun} />
    </Can>
  );
}

/**
 * 满意度: NPS and its classes, ratings by stars, the comments' four sentiment classes against the plan's target
 * shares and the most frequent complaint words, each with its table and CSV; then the latest published comments.
 */
export function SatisfactionPanel() {
  const { days, setDays, range } = useInsightsRange(30);
  const satisfaction = useOpsQuery('ops.insights.satisfaction', range);
  const data = satisfaction.data;
  const newestFirst = useMemo(() => [...(data?.days ?? [])].reverse(), [data]);
  if (satisfaction.error) return <Alert type="error" showIcon message={satisfaction.error.message} />;
  const sentimentRows: SentimentRow[] = data
    ? SENTIMENT_CLASSES.map((name) => ({ name, count: data.sentiment.counts[name], share: data.sentiment.shares[name], target: data.sentiment.targets[name] }))
    : [];
  const rated = (data?.days ?? []).filter((day) => day.averageStars !== null);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <InsightsRangeBar days={days} onChange={setDays} range={range} options={RANGES} />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small" loading={!data}>
            <Statistic title={`NPS（目标 ≥ ${data?.nps.target ?? '—'}）`} value={data?.nps.nps ?? '—'} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={!data}>
            <Statistic title="推荐者 / 被动者 / 贬损者" value={data ? `${data.nps.promoters} / ${data.nps.passives} / ${data.nps.detractors}` : '—'} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={!data}>
            <Statistic title="平均星级" value={data?.csat.averageStars ?? '—'} suffix={data?.csat.averageStars ? '星' : undefined} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={!data}>
            <Statistic title="满意（4–5 星）" value={data ? percentOf(data.csat.satisfiedPermille) : '—'} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title="按日：NPS 与评价星级" extra={<ExportButton range={range} table="days" noun="天" />}>
        {rated.length > 0 ? <TrendChart title="每日平均星级" points={rated.map((day) => ({ day: day.day, value: day.averageStars ?? 0 }))} format={(value) => value.toFixed(1)} /> : null}
        <Typography.Paragraph type="secondary">
          评价星级合计：{STARS.map((star, index) => `${star} 星 ${number(data?.stars[index] ?? null)}`).join('，')}
        </Typography.Paragraph>
        <Table<DayRow>
          size="small"
          rowKey="day"
          loading={!data}
          dataSource={newestFirst}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: true }}
          columns={[
            { title: '日期', dataIndex: 'day' },
            { title: 'NPS 回答', dataIndex: 'npsResponses', align: 'right' },
            { title: '推荐者', dataIndex: 'promoters', align: 'right' },
            { title: '被动者', dataIndex: 'passives', align: 'right' },
            { title: '贬损者', dataIndex: 'detractors', align: 'right' },
            { title: 'NPS', dataIndex: 'nps', align: 'right', render: number },
            { title: '评价数', dataIndex: 'ratings', align: 'right' },
            { title: '平均星级', dataIndex: 'averageStars', align: 'right', render: number },
            ...STARS.map((star, index) => ({ title: `${star} 星`, key: `star${star}`, align: 'right' as const, render: (_: unknown, row: DayRow) => row.stars[index] })),
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title="评语情感（目标占比）" extra={<ExportButton range={range} table="sentiment" noun="类" />}>
            <Table<SentimentRow>
              size="small"
              rowKey="name"
              loading={!data}
              dataSource={sentimentRows}
              pagination={false}
              columns={[
                { title: '情感', dataIndex: 'name', render: (name: SentimentClass) => sentimentClassNames[name] },
                { title: '评语数', dataIndex: 'count', align: 'right' },
                { title: '占比', dataIndex: 'share', align: 'right', render: percentOf },
                { title: '目标', dataIndex: 'target', align: 'right', render: percentOf },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="最常见的抱怨词" extra={<ExportButton range={range} table="complaints" noun="个词" />}>
            <Table
              size="small"
              rowKey="word"
              loading={!data}
              dataSource={data?.complaintWords ?? []}
              pagination={false}
              locale={{ emptyText: '暂无负面评语' }}
              columns={[
                { title: '抱怨词', dataIndex: 'word' },
                { title: '出现次数', dataIndex: 'count', align: 'right' },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <SatisfactionComments route="ops.satisfaction.comments" />
    </Space>
  );
}

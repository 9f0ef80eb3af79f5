import { formatFen, type DailyCounter, type OpsAnalyticsDailyResponse } from '@cakeday/shared';
import { Alert, Card, Col, Row, Segmented, Space, Statistic, Table } from 'antd';
import { useState } from 'react';
import { useOpsQuery } from '../../api/useOps';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { Can } from '../../session/currentSession';
import type { DayRange } from './analyticsRange';
import { TrendChart } from './TrendChart';

interface Metric {
  key: DailyCounter;
  label: string;
  money?: boolean;
}

/** The KPIs in the order ops read them; money in fen, shown in yuan. */
const METRICS: Metric[] = [
  { key: 'gmvFen', label: 'GMV', money: true },
  { key: 'orders', label: '订单' },
  { key: 'newMembers', label: '新会员' },
  { key: 'activeMembers', label: '活跃会员（人·天）' },
  { key: 'refundedFen', label: '退款', money: true },
  { key: 'pointsIssued', label: '积分发放' },
  { key: 'pointsRedeemed', label: '积分使用' },
  { key: 'benefitClaims', label: '权益领取' },
];

const formatOf = (metric: Metric) => (value: number) => (metric.money ? formatFen(value) : value.toLocaleString('zh-CN'));

type DayRow = OpsAnalyticsDailyResponse['days'][number];

export function DailyPanel({ range }: { range: DayRange }) {
  const daily = useOpsQuery('ops.analytics.daily', range);
  const [chosen, setChosen] = useState<DailyCounter>('gmvFen');
  const metric = METRICS.find((candidate) => candidate.key === chosen) ?? METRICS[0]!;
  if (daily.error) return <Alert type="error" showIcon message={daily.error.message} />;
  const data = daily.data;
  return (
    <>
      <Row gutter={[16, 16]}>
        {METRICS.map((kpi) => (
          <Col key={kpi.key} xs={12} md={6}>
            <Card size="small" loading={!data}>
              <Statistic title={kpi.label} value={data ? formatOf(kpi)(data.totals[kpi.key]) : '—'} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        size="small"
        title="每日趋势"
        extra={
          <Space wrap>
            <Segmented size="small" options={METRICS.map((kpi) => ({ label: kpi.label, value: kpi.key }))} value={chosen} onChange={(value) => setChosen(value as DailyCounter)} />
            <Can I="export" a="Dashboard">
              <ExportCsvButton route="ops.analytics.export" input={() => range} noun="每日数据" />
            </Can>
          </Space>
        }
      >
        {data ? <TrendChart title={`每日${metric.label}`} points={data.days.map((day) => ({ day: day.day, value: day[metric.key] }))} format={formatOf(metric)} /> : null}
        <Table<DayRow>
          size="small"
          rowKey="day"
          loading={!data}
          dataSource={data ? [...data.days].reverse() : []}
          pagination={{ pageSize: 7, showSizeChanger: false }}
          columns={[{ title: '日期', dataIndex: 'day' }, ...METRICS.map((kpi) => ({ title: kpi.label, dataIndex: kpi.key, align: 'right' as const, render: (value: number) => formatOf(kpi)(value) }))]}
        />
      </Card>
    </>
  );
}

import { formatFen, type OpsInsightsLiabilityResponse } from '@cakeday/shared';
import { Alert, Card, Col, Row, Space, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useOpsQuery } from '../../api/useOps';
import { EChart } from '../../components/charts/EChart';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { Can } from '../../session/currentSession';
import { liabilityChartOption } from './liabilityChartOption';

type MonthRow = OpsInsightsLiabilityResponse['months'][number];

const points = (value: number) => value.toLocaleString('zh-CN');
const permille = (value: number) => `${(value / 10).toFixed(1)}%`;

/** Points liability for finance: outstanding points, their expiry by month and what they cost at the redemption rate. */
export function LiabilityPanel() {
  const liability = useOpsQuery('ops.insights.liability', {});
  const data = liability.data;
  const option = useMemo(() => (data ? liabilityChartOption(data.months) : null), [data]);
  if (liability.error) return <Alert type="error" showIcon message={liability.error.message} />;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small" loading={!data}>
            <Statistic title="未到期积分" value={data ? points(data.outstandingPoints) : '—'} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={!data}>
            <Statistic title="持有积分会员" value={data ? points(data.members) : '—'} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={!data}>
            <Statistic title={data?.redemption.basis === 'assumed' ? '兑换率（设定值）' : '兑换率（近 365 天）'} value={data ? permille(data.redemption.permille) : '—'} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={!data}>
            <Statistic title="折算负债" value={data ? formatFen(data.impliedFen) : '—'} />
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title="按月到期（上海时间）"
        extra={
          <Can I="export" a="Dashboard">
            <ExportCsvButton route="ops.insights.liabilityExport" input={() => ({})} noun="月份" />
          </Can>
        }
      >
        {data ? (
          <Typography.Paragraph type="secondary">
            {data.day} 的快照：每千积分成本 {formatFen(data.fenPerThousandPoints)}；近 365 天发放 {points(data.redemption.issued)}、使用 {points(data.redemption.redeemed)} 积分。
          </Typography.Paragraph>
        ) : null}
        {option ? <EChart label="按月到期积分与预计兑换积分" option={option} /> : null}
        <Table<MonthRow>
          size="small"
          rowKey="month"
          loading={!data}
          dataSource={data?.months ?? []}
          pagination={false}
          columns={[
            { title: '到期月份', dataIndex: 'month' },
            { title: '积分', dataIndex: 'points', align: 'right', render: points },
            { title: '预计兑换积分', dataIndex: 'expectedRedeemedPoints', align: 'right', render: points },
            { title: '折算金额', dataIndex: 'impliedFen', align: 'right', render: (value: number) => formatFen(value) },
          ]}
        />
      </Card>
    </Space>
  );
}

import { formatKpi, kpiNames, type KpiName, type OpsInsightsKpisResponse } from '@cakeday/shared';
import { Alert, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useOpsQuery } from '../../api/useOps';
import { EChart } from '../../components/charts/EChart';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { Can } from '../../session/currentSession';
import { InsightsRangeBar, useInsightsRange } from './InsightsRangeBar';
import { kpiChartOption, type KpiResult } from './kpiChartOption';
import { kpiDefinition } from './kpiDefinitions';

type Basis = OpsInsightsKpisResponse['basis'];
type CampaignRow = OpsInsightsKpisResponse['campaigns'][number];
const yuan = (fen: number): string => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function Verdict({ met }: { met: boolean | null }) {
  if (met === null) return <Tag>暂无数据</Tag>;
  return met ? <Tag color="success">达标</Tag> : <Tag color="error">未达标</Tag>;
}

/** One measured KPI: its value against its target, the daily line with the target line, and the daily table. */
function KpiCard({ kpi, basis }: { kpi: KpiResult; basis: Basis }) {
  const option = useMemo(() => kpiChartOption(kpi), [kpi]);
  const name = kpiNames[kpi.kpi];
  return (
    <Card size="small" title={name} extra={<Verdict met={kpi.met} />} data-testid={`kpi-${kpi.kpi}`}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {kpiDefinition(kpi.kpi, basis)}
      </Typography.Paragraph>
      <Space size="large">
        <Statistic title="区间值" value={formatKpi(kpi.kpi, kpi.value)} />
        <Statistic title="目标" value={formatKpi(kpi.kpi, kpi.target)} />
        <Statistic title="样本" value={kpi.sample.toLocaleString('zh-CN')} />
      </Space>
      <EChart label={`${name}与目标`} option={option} height={200} />
      <Table
        size="small"
        rowKey="day"
        dataSource={[...kpi.days].reverse()}
        pagination={{ pageSize: 5, showSizeChanger: false }}
        columns={[
          { title: '日期', dataIndex: 'day' },
          { title: name, dataIndex: 'value', align: 'right', render: (value: number | null) => formatKpi(kpi.kpi, value) },
          { title: '目标', key: 'target', align: 'right', render: () => formatKpi(kpi.kpi, kpi.target) },
        ]}
      />
    </Card>
  );
}

/** Each campaign's ROI over the range and what it is made of (attributed GMV, message and coupon costs). */
function CampaignRoiTable({ campaigns, target }: { campaigns: CampaignRow[]; target: number }) {
  return (
    <Card size="small" title="各活动 ROI" data-testid="kpi-campaigns">
      <Table<CampaignRow>
        size="small"
        rowKey="campaignId"
        dataSource={campaigns}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        locale={{ emptyText: '区间内没有活动的归因 GMV 或成本' }}
        columns={[
          { title: '活动', dataIndex: 'name' },
          { title: '归因 GMV', dataIndex: 'gmvFen', align: 'right', render: yuan },
          { title: '消息', dataIndex: 'messages', align: 'right', render: (value: number) => value.toLocaleString('zh-CN') },
          { title: '消息成本', dataIndex: 'messageCostFen', align: 'right', render: yuan },
          { title: '核销券', dataIndex: 'couponsUsed', align: 'right', render: (value: number) => value.toLocaleString('zh-CN') },
          { title: '权益成本', dataIndex: 'benefitCostFen', align: 'right', render: yuan },
          { title: '总成本', dataIndex: 'costFen', align: 'right', render: yuan },
          {
            title: 'ROI',
            dataIndex: 'roiPermille',
            align: 'right',
            render: (value: number | null) => <Typography.Text type={value !== null && value < target ? 'danger' : undefined}>{formatKpi('campaignRoi', value)}</Typography.Text>,
          },
        ]}
      />
    </Card>
  );
}

/**
 * 计划 KPI: each KPI the plans name, computed by the BFF from the daily rollups, with its definition and its target
 * (程序设置 → 经营洞察) as a line on its chart, then each campaign's ROI. Counts and shares, no member.
 */
export function KpisPanel() {
  const { days, setDays, range } = useInsightsRange(30);
  const kpis = useOpsQuery('ops.insights.kpis', range);
  if (kpis.error) return <Alert type="error" showIcon message={kpis.error.message} />;
  const data = kpis.data;
  const measured = data?.kpis.filter((kpi) => kpi.measured) ?? [];
  const unmeasured = data?.kpis.filter((kpi) => !kpi.measured) ?? [];
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <InsightsRangeBar days={days} onChange={setDays} range={range}>
        <Can I="export" a="Dashboard">
          <ExportCsvButton route="ops.insights.kpisExport" input={() => range} noun="天的 KPI" />
        </Can>
      </InsightsRangeBar>
      <Row gutter={[16, 16]}>
        {data ? (
          measured.map((kpi) => (
            <Col key={kpi.kpi} xs={24} xl={12}>
              <KpiCard kpi={kpi} basis={data.basis} />
            </Col>
          ))
        ) : (
          <Col span={24}>
            <Card size="small" loading />
          </Col>
        )}
      </Row>
      {data ? <CampaignRoiTable campaigns={data.campaigns} target={data.kpis.find((kpi) => kpi.kpi === 'campaignRoi')?.target ?? 0} /> : null}
      {unmeasured.length > 0 ? (
        <Card size="small" title="待接入的 KPI（已设目标，汇总数据尚未覆盖）">
          <Table
            size="small"
            rowKey="kpi"
            pagination={false}
            dataSource={unmeasured}
            columns={[
              { title: 'KPI', dataIndex: 'kpi', render: (kpi: KpiName) => kpiNames[kpi] },
              { title: '目标', key: 'target', align: 'right', render: (_: unknown, kpi: KpiResult) => formatKpi(kpi.kpi, kpi.target) },
            ]}
          />
        </Card>
      ) : null}
    </Space>
  );
}

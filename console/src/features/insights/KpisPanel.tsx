import { formatKpi, kpiNames, type KpiName } from '@cakeday/shared';
import { Alert, Card, Col, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useOpsQuery } from '../../api/useOps';
import { EChart } from '../../components/charts/EChart';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { Can } from '../../session/currentSession';
import { lastBusinessDays } from '../analytics/analyticsRange';
import { kpiChartOption, type KpiResult } from './kpiChartOption';

const RANGES = [
  { label: '近 7 天', value: 7 },
  { label: '近 30 天', value: 30 },
  { label: '近 90 天', value: 90 },
];

function Verdict({ met }: { met: boolean | null }) {
  if (met === null) return <Tag>暂无数据</Tag>;
  return met ? <Tag color="success">达标</Tag> : <Tag color="error">未达标</Tag>;
}

/** One measured KPI: its value against its target, the daily line with the target line, and the daily table. */
function KpiCard({ kpi }: { kpi: KpiResult }) {
  const option = useMemo(() => kpiChartOption(kpi), [kpi]);
  const name = kpiNames[kpi.kpi];
  return (
    <Card size="small" title={name} extra={<Verdict met={kpi.met} />} data-testid={`kpi-${kpi.kpi}`}>
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

/**
 * 计划 KPI: each KPI the plans name, computed by the BFF from the daily rollups, with its target (程序设置 → 经营洞察)
 * as a line on its chart. KPIs the rollups do not measure yet show their target only. Counts and shares, no member.
 */
export function KpisPanel() {
  const [days, setDays] = useState(30);
  const range = useMemo(() => lastBusinessDays(days), [days]);
  const kpis = useOpsQuery('ops.insights.kpis', range);
  if (kpis.error) return <Alert type="error" showIcon message={kpis.error.message} />;
  const data = kpis.data;
  const measured = data?.kpis.filter((kpi) => kpi.measured) ?? [];
  const unmeasured = data?.kpis.filter((kpi) => !kpi.measured) ?? [];
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented options={RANGES} value={days} onChange={(value) => setDays(Number(value))} />
        <Typography.Text type="secondary">
          {range.from} 至 {range.to}（上海时间）
        </Typography.Text>
        <Can I="export" a="Dashboard">
          <ExportCsvButton route="ops.insights.kpisExport" input={() => range} noun="天的 KPI" />
        </Can>
      </Space>
      <Row gutter={[16, 16]}>
        {data ? (
          measured.map((kpi) => (
            <Col key={kpi.kpi} xs={24} xl={12}>
              <KpiCard kpi={kpi} />
            </Col>
          ))
        ) : (
          <Col span={24}>
            <Card size="small" loading />
          </Col>
        )}
      </Row>
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

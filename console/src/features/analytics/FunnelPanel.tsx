import { funnelStepNames } from '@cakeday/shared';
import { Alert, Card, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useOpsQuery } from '../../api/useOps';
import { EChart } from '../../components/charts/EChart';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { Can } from '../../session/currentSession';
import { percentOf, type DayRange } from './analyticsRange';
import { funnelChartOption } from './funnelChartOption';

/** The birthday funnel over the range: members at each step and the conversion from the step before and the first. */
export function FunnelPanel({ range }: { range: DayRange }) {
  const funnel = useOpsQuery('ops.analytics.funnel', { funnel: 'birthday', ...range });
  const data = funnel.data;
  const option = useMemo(() => (data ? funnelChartOption(data.steps) : null), [data]);
  if (funnel.error) return <Alert type="error" showIcon message={funnel.error.message} />;
  return (
    <Card
      size="small"
      title="生日礼漏斗"
      loading={!data}
      extra={
        <Space wrap>
          <Typography.Text type="secondary">每位会员每年每步只计一次</Typography.Text>
          <Can I="export" a="Dashboard">
            <ExportCsvButton route="ops.analytics.export" input={() => range} noun="天的经营与漏斗数据" />
          </Can>
        </Space>
      }
    >
      {data && option ? (
        <>
          <EChart label="生日礼漏斗各步人数" option={option} height={200} />
          <Table
            size="small"
            rowKey="step"
            pagination={false}
            dataSource={data.steps}
            columns={[
              { title: '步骤', dataIndex: 'step', render: (step: keyof typeof funnelStepNames) => funnelStepNames[step] },
              { title: '人数', dataIndex: 'members', align: 'right' },
              { title: '较上一步', dataIndex: 'fromPreviousPermille', align: 'right', render: percentOf },
              { title: '较触达', dataIndex: 'fromFirstPermille', align: 'right', render: percentOf },
            ]}
          />
        </>
      ) : null}
    </Card>
  );
}

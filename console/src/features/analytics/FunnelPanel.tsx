import { funnelStepNames } from '@cakeday/shared';
import { Alert, Card, Progress, Table, Typography } from 'antd';
import { useOpsQuery } from '../../api/useOps';
import { percentOf, type DayRange } from './analyticsRange';

/** The birthday funnel over the range: members at each step and the conversion from the step before and the first. */
export function FunnelPanel({ range }: { range: DayRange }) {
  const funnel = useOpsQuery('ops.analytics.funnel', { funnel: 'birthday', ...range });
  if (funnel.error) return <Alert type="error" showIcon message={funnel.error.message} />;
  const data = funnel.data;
  const first = data?.steps[0]?.members ?? 0;
  return (
    <Card size="small" title="生日礼漏斗" loading={!data} extra={<Typography.Text type="secondary">每位会员每年每步只计一次</Typography.Text>}>
      {data ? (
        <>
          {data.steps.map((step) => (
            <div key={step.step}>
              <Typography.Text>
                {funnelStepNames[step.step]}：{step.members.toLocaleString('zh-CN')} 人
              </Typography.Text>
              <Progress percent={first > 0 ? Math.round((step.members * 1000) / first) / 10 : 0} showInfo={false} size="small" />
            </div>
          ))}
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

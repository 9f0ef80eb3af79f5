import { formatKpi, KPI_NAMES, kpiNames, type AlertKind, type KpiName, type OpsAlert } from '@cakeday/shared';
import { Alert, App, Button, Table, Tag, Typography } from 'antd';
import { useOpsMutation, useOpsQuery } from '../../api/useOps';
import { useWriteFeedback } from '../../components/useWriteFeedback';
import { Can } from '../../session/currentSession';

const KIND_NAMES: Record<AlertKind, string> = { kpi: 'KPI 低于目标', channelReach: '渠道触达率过低', campaignFailure: '活动失败率过高' };
const isKpi = (subject: string): subject is KpiName => (KPI_NAMES as readonly string[]).includes(subject);

/** A KPI alert's value reads like the KPI; reach and failure rates are per mille shares. */
const valueText = (alert: OpsAlert, value: number): string =>
  alert.kind === 'kpi' && isKpi(alert.subject) ? formatKpi(alert.subject, value) : `${(value / 10).toFixed(1)}%`;
const subjectText = (alert: OpsAlert): string => (alert.kind === 'kpi' && isKpi(alert.subject) ? kpiNames[alert.subject] : alert.subject);

/**
 * 告警: thresholds the alerts job found crossed, with what it saw (value, threshold, sample, window). Ops acknowledge
 * an alert (audited); the job also wrote each one to the outbox for the on-duty operators.
 */
export function AlertsPanel() {
  const alerts = useOpsQuery('ops.insights.alerts', { state: 'open' });
  const { message } = App.useApp();
  const feedback = useWriteFeedback();
  const acknowledge = useOpsMutation('ops.insights.alertAcknowledge', {
    onSuccess: () => {
      void message.success('已确认');
      void alerts.refetch();
    },
    onError: (error) => feedback(error, () => void alerts.refetch()),
  });
  if (alerts.error) return <Alert type="error" showIcon message={alerts.error.message} />;
  return (
    <>
      <Typography.Paragraph type="secondary">每项指标每天最多一条告警（按前 7 个业务日统计），样本不足的不判定。</Typography.Paragraph>
      <Table<OpsAlert>
        size="small"
        rowKey="id"
        loading={!alerts.data}
        dataSource={alerts.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '暂无未处理的告警' }}
        columns={[
          { title: '类型', dataIndex: 'kind', render: (kind: AlertKind) => <Tag color="error">{KIND_NAMES[kind]}</Tag> },
          { title: '对象', key: 'subject', render: (_: unknown, alert) => subjectText(alert) },
          { title: '日期', dataIndex: 'day' },
          { title: '数值', key: 'value', align: 'right', render: (_: unknown, alert) => valueText(alert, alert.value) },
          { title: '阈值', key: 'threshold', align: 'right', render: (_: unknown, alert) => valueText(alert, alert.threshold) },
          { title: '样本', dataIndex: 'sample', align: 'right' },
          { title: '统计窗口', key: 'window', render: (_: unknown, alert) => `${alert.window.from} 至 ${alert.window.to}` },
          { title: '值班通知', dataIndex: 'notified', render: (notified: boolean) => (notified ? '已发出' : '待发出') },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, alert) => (
              <Can I="update" a="Alert">
                <Button size="small" loading={acknowledge.isPending && acknowledge.variables?.id === alert.id} onClick={() => acknowledge.mutate({ id: alert.id, version: alert.version })}>
                  确认
                </Button>
              </Can>
            ),
          },
        ]}
      />
    </>
  );
}

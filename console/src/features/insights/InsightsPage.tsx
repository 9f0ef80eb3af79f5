import { Tabs, Typography } from 'antd';
import { ActivityPanel } from './ActivityPanel';
import { AlertsPanel } from './AlertsPanel';
import { KpisPanel } from './KpisPanel';
import { LiabilityPanel } from './LiabilityPanel';
import { SatisfactionPanel } from './SatisfactionPanel';

/**
 * 经营洞察: what finance and the plans' owners read (points liability, satisfaction, the KPIs against their targets).
 * Totals and shares only; nothing here names a member.
 */
export function InsightsPage() {
  return (
    <>
      <Typography.Title level={4}>经营洞察</Typography.Title>
      <Tabs destroyInactiveTabPane items={[
          { key: 'kpis', label: '计划 KPI', children: <KpisPanel /> },
          { key: 'activity', label: '消息与社区', children: <ActivityPanel /> },
          { key: 'liability', label: '积分负债', children: <LiabilityPanel /> },
          { key: 'satisfaction', label: '满意度', children: <SatisfactionPanel /> },
          { key: 'alerts', label: '告警', children: <AlertsPanel /> },
        ]} />
    </>
  );
}

import { Tabs, Typography } from 'antd';
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
          { key: 'liability', label: '积分负债', children: <LiabilityPanel /> },
          { key: 'satisfaction', label: '满意度', children: <SatisfactionPanel /> },
        ]} />
    </>
  );
}

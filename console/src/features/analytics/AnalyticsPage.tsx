import { Segmented, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { lastBusinessDays } from './analyticsRange';
import { DailyPanel } from './DailyPanel';
import { FunnelPanel } from './FunnelPanel';
import { MembersPanel } from './MembersPanel';
import { SegmentsPanel } from './SegmentsPanel';

const RANGES = [
  { label: '近 7 天', value: 7 },
  { label: '近 30 天', value: 30 },
  { label: '近 90 天', value: 90 },
];

/**
 * 数据看板: the daily rollups (KPIs, a trend, the table), segment sizes, members by tier and stage over time and the
 * birthday funnel. Every number is a count or a sum kept by the BFF's analytics jobs; nothing here names a member.
 */
export function AnalyticsPage() {
  const [days, setDays] = useState(30);
  const range = useMemo(() => lastBusinessDays(days), [days]);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          数据看板
        </Typography.Title>
        <Segmented options={RANGES} value={days} onChange={(value) => setDays(Number(value))} />
        <Typography.Text type="secondary">
          {range.from} 至 {range.to}（上海时间）
        </Typography.Text>
      </Space>
      <DailyPanel range={range} />
      <SegmentsPanel />
      <MembersPanel range={range} />
      <FunnelPanel range={range} />
    </Space>
  );
}

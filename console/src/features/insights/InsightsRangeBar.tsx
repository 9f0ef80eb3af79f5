import { Segmented, Space, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { lastBusinessDays, type DayRange } from '../analytics/analyticsRange';

export interface RangeOption {
  label: string;
  value: number;
}

export const INSIGHTS_RANGES: readonly RangeOption[] = [
  { label: '近 7 天', value: 7 },
  { label: '近 30 天', value: 30 },
  { label: '近 90 天', value: 90 },
];

/** The last `days` business days (Shanghai) an insights panel reads, and the setter its range bar changes. */
export function useInsightsRange(initialDays: number): { days: number; setDays: (days: number) => void; range: DayRange } {
  const [days, setDays] = useState(initialDays);
  const range = useMemo(() => lastBusinessDays(days), [days]);
  return { days, setDays, range };
}

/** An insights panel's toolbar: the range choice, the dates it covers (Shanghai time) and the panel's actions (its CSV export). */
export function InsightsRangeBar({ days, onChange, range, options = INSIGHTS_RANGES, children }: { days: number; onChange: (days: number) => void; range: DayRange; options?: readonly RangeOption[]; children?: ReactNode }) {
  return (
    <Space wrap>
      <Segmented options={[...options]} value={days} onChange={(value) => onChange(Number(value))} />
      <Typography.Text type="secondary">
        {range.from} 至 {range.to}（上海时间）
      </Typography.Text>
      {children}
    </Space>
  );
}

import type { OpsAnalyticsMembersResponse } from '@cakeday/shared';
import { Alert, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useOpsQuery } from '../../api/useOps';
import { EChart } from '../../components/charts/EChart';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { Can } from '../../session/currentSession';
import type { DayRange } from './analyticsRange';
import { MEMBER_DAY_GROUPS, memberDaysChartOption, type MemberDaysBreakdown } from './memberDaysChartOption';

type DayRow = OpsAnalyticsMembersResponse['days'][number];

const BREAKDOWNS = [
  { label: '按等级', value: 'tiers' },
  { label: '按生命周期', value: 'stages' },
];
const count = (value: number) => value.toLocaleString('zh-CN');

/** 会员走势: members by tier or by lifecycle stage, day by day, from the daily snapshots (counts only). */
export function MembersPanel({ range }: { range: DayRange }) {
  const members = useOpsQuery('ops.analytics.members', range);
  const [by, setBy] = useState<MemberDaysBreakdown>('tiers');
  const data = members.data;
  const option = useMemo(() => (data ? memberDaysChartOption(data.days, by) : null), [data, by]);
  if (members.error) return <Alert type="error" showIcon message={members.error.message} />;
  const label = by === 'tiers' ? '每日各等级会员数' : '每日各生命周期阶段会员数';
  return (
    <Card
      size="small"
      title="会员走势"
      loading={!data}
      extra={
        <Space wrap>
          <Segmented size="small" options={BREAKDOWNS} value={by} onChange={(value) => setBy(value as MemberDaysBreakdown)} />
          <Can I="export" a="Dashboard">
            <ExportCsvButton route="ops.analytics.membersExport" input={() => range} noun="天的会员走势" />
          </Can>
        </Space>
      }
    >
      {option ? <EChart label={label} option={option} /> : null}
      <Typography.Paragraph type="secondary">每个业务日（上海时间）快照一次；标“估算”的日子当天未能快照，按入会日期与之后快照时的等级和阶段补算。</Typography.Paragraph>
      <Table<DayRow>
        size="small"
        rowKey="day"
        dataSource={data ? [...data.days].reverse() : []}
        pagination={{ pageSize: 7, showSizeChanger: false }}
        columns={[
          { title: '日期', dataIndex: 'day', render: (day: string, row) => (row.estimated ? <Space size={4}>{day}<Tag>估算</Tag></Space> : day) },
          { title: '会员数', dataIndex: 'members', align: 'right', render: count },
          ...MEMBER_DAY_GROUPS[by].map((group) => ({ title: group.name, key: group.key, align: 'right' as const, render: (_value: unknown, row: DayRow) => count((row[by] as Record<string, number>)[group.key] ?? 0) })),
        ]}
      />
    </Card>
  );
}
